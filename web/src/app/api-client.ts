import type { errorBody } from '@contracts/common.ts';
import type { z } from 'zod';

type ErrorPayload = z.infer<typeof errorBody>['error'];

/** An error answered by the API: `{ error: { code, message, details } }`, or a network failure. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.details = payload.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The CSRF token comes from GET /api/auth/me or the login answer; every write sends it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function writeHeaders(method: Method): Record<string, string> {
  return method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

async function readError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const payload = (body as { error?: ErrorPayload } | null)?.error;
  if (payload && typeof payload.code === 'string') return new ApiError(res.status, payload);
  return new ApiError(res.status, { code: res.status >= 500 ? 'internal' : 'http', message: res.statusText });
}

/** Paths whose 401 means "wrong credentials" or "not signed in yet", not "session expired". */
const quiet401 = ['/auth/login', '/auth/me', '/auth/password'];

export async function request<T>(method: Method, path: string, opts: { query?: Query; body?: unknown } = {}) {
  const hasBody = opts.body !== undefined && !(opts.body instanceof FormData);
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
        ...writeHeaders(method),
      },
      body: opts.body instanceof FormData ? opts.body : hasBody ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'Network error' });
  }
  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !quiet401.some((p) => path.startsWith(p))) onUnauthorized?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Multipart upload with progress (fetch cannot report upload progress); `fields` go before the file. */
export function upload<T>(
  path: string,
  file: Blob,
  onProgress: (percent: number) => void,
  fields: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'Network error' }));
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText || 'null') as T);
      else readError(res).then(reject, reject);
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file instanceof File ? file.name : 'upload');
    xhr.send(form);
  });
}

/**
 * GET a file and read its body as it arrives (ReadableStream reader), so long server-side renders can show
 * progress; `onChunk` sees every chunk and the response headers. Resolves to the whole file and its name.
 */
export async function fetchStream(
  path: string,
  onChunk: (chunk: Uint8Array, headers: Headers) => void,
): Promise<{ blob: Blob; filename: string | null }> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: 'Network error' });
  }
  if (!res.ok) throw await readError(res);
  const parts: Uint8Array[] = [];
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      onChunk(value, res.headers);
    }
  }
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(parts as BlobPart[], { type }), filename: filenameOf(res.headers) };
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function filenameOf(headers: Headers): string | null {
  const cd = headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? null;
}

/** Hands a file to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Multipart upload whose answer is NDJSON read as it arrives (`Accept: application/x-ndjson`): upload progress,
 * then one parsed object per line to `onLine` while the server works. An HTTP error before the stream starts
 * rejects like `upload`; errors inside the stream are the caller's to read from the lines.
 */
export function uploadLines(
  path: string,
  file: Blob,
  fields: Record<string, string>,
  onProgress: (percent: number) => void,
  onLine: (line: unknown) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    let read = 0;
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      for (const line of text.slice(read, end).split('\n')) if (line.trim()) onLine(JSON.parse(line));
      read = end;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onprogress = () => {
      if (xhr.status >= 200 && xhr.status < 300) drain(false);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'Network error' }));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        readError(new Response(xhr.responseText || null, { status: xhr.status })).then(reject, reject);
        return;
      }
      try {
        drain(true);
        resolve();
      } catch (e) {
        reject(e);
      }
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file instanceof File ? file.name : 'upload');
    xhr.send(form);
  });
}
