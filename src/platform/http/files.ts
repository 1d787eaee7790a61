import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors, platformErrors } from '../errors.ts';
import { asciiFileName } from '../text.ts';
import { nulIssues } from './hostile-text.ts';

const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="ascii"; filename*=UTF-8''…`: Vietnamese names survive, old clients get ASCII. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const clean = name.normalize('NFC').replaceAll('/', '-');
  return `${disposition}; filename="${asciiFileName(clean) || 'tep'}"; filename*=UTF-8''${rfc5987(clean)}`;
}

/** Sends a generated file: its type, a Content-Disposition that keeps Vietnamese names, never cached. */
export function sendFile(
  reply: FastifyReply,
  body: Buffer,
  type: string,
  name: string,
  opts: { sha256?: string; disposition?: 'attachment' | 'inline' } = {},
) {
  if (opts.sha256) reply.header('x-content-sha256', opts.sha256);
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(name, opts.disposition))
    .header('cache-control', 'private, no-store')
    .send(body);
}

export type UploadedFile = { fileName: string; content: Buffer };

/**
 * A multipart body that ended before its closing boundary (the connection was cut mid-file, or the client sent
 * half a form): busboy's "Unexpected end of multipart data", @fastify/multipart's premature close, a reset socket.
 */
export function isIncompleteUpload(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err) return false;
  if (['FST_MP_PREMATURE_CLOSE', 'ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(err.code ?? ''))
    return true;
  return /unexpected end of (multipart data|form)|terminated early|^aborted$/i.test(err.message ?? '');
}

/**
 * Reads a multipart body — its text fields and the one file (field "file") — the one reader every upload uses.
 * Too large: `tooLarge()`; cut short: 400 `request.upload_incomplete`; no file: a field error on `body.file`;
 * a NUL character in a text field or the file name: `common.text_nul` on that field (the JSON bodies' rule,
 * `hostile-text.ts`, which runs before these parts are read).
 */
export async function readMultipart(
  req: FastifyRequest,
  opts: { maxBytes: number; tooLarge: () => Error; missingFile?: string },
): Promise<{ fields: Record<string, string>; file: UploadedFile }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: opts.maxBytes } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { fileName: part.filename, content };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw opts.tooLarge();
    if (isIncompleteUpload(e)) throw platformErrors['request.upload_incomplete']();
    throw e;
  }
  const nul = nulIssues({ body: { ...fields, ...(file ? { file: file.fileName } : {}) } });
  if (nul.length) throw errors.validation(nul);
  if (!file) throw errors.validation([{ path: 'body.file', message: opts.missingFile ?? 'Chưa chọn tệp' }]);
  return { fields, file };
}
