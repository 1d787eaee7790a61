/** A multipart/form-data body for `app.inject`: plain fields, and files (an upload of a form or an import). */
export type MultipartPart =
  | { name: string; value: string }
  | { name: string; content: Buffer; filename?: string; contentType?: string };

export function multipart(parts: MultipartPart[], boundary = '----chungtay-test') {
  const chunks = parts.flatMap((p) =>
    'value' in p
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
          ),
        ]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename ?? 'danh-sach.xlsx'}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`,
          ),
          p.content,
          Buffer.from('\r\n'),
        ],
  );
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** One file field named `file`: the usual import upload. */
export const multipartFile = (filename: string, content: Buffer, fields: Record<string, string> = {}) =>
  multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'file', filename, content },
  ]);
