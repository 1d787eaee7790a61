import { beforeAll, describe, expect, it } from 'vitest';
import { buildForest, buildUser } from './helpers/factories.ts';
import { createTestApp, type Session, signIn, type TestApp } from './helpers/test-app.ts';

/** Issue 9, input 7: an upload cut short (the connection dropped mid-file) is a 400 saying so, never a 500. */
describe('a truncated multipart upload', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await createTestApp();
    const f = await buildForest(t.db);
    const admin = await buildUser(t.db, { grants: [{ org: f.national, role: 'system_admin' }] });
    s = await signIn(t, admin.username, admin.password);
  });

  const boundary = '----chungtay-test';
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const filePart = (fileName: string, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n${content}`;
  const send = (url: string, body: string) =>
    s.request({
      method: 'POST',
      url,
      payload: Buffer.from(body, 'utf8'),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });

  const uploads: [string, string][] = [
    ['/api/admin-units/import', ''],
    ['/api/plans/1/report-upload', part('orgId', '1') + part('periodKey', '2026')],
    ['/api/plans/1/attachments', ''],
    ['/api/training/classes/1/roster', part('mode', 'preview')],
  ];

  it.each(uploads)('%s: the file cut before its end → 400 request.upload_incomplete', async (url, fields) => {
    // The file's bytes start, and the closing boundary never comes.
    const res = await send(
      url,
      `${fields}${filePart('danh-sach.xlsx', `PK\u0003\u0004${'x'.repeat(2000)}`)}`,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'request.upload_incomplete', message: expect.stringContaining('không trọn vẹn') },
    });
  });

  it.each(uploads)('%s: cut inside the part headers → 400 request.upload_incomplete', async (url) => {
    const res = await send(url, `--${boundary}\r\nContent-Disposition: form-data; name="fi`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('request.upload_incomplete');
  });

  it.each(uploads)('%s: a NUL in a file name or a text field → 400 naming it', async (url, fields) => {
    const res = await send(url, `${fields}${filePart('a\u0000b.xlsx', 'PK')}\r\n--${boundary}--\r\n`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'body.file', code: 'common.text_nul' }),
    );
  });

  it('a NUL in a multipart text field → 400 naming the field', async () => {
    const res = await send(
      '/api/training/classes/1/roster',
      `${part('mode', 'pre\u0000view')}${filePart('a.xlsx', 'PK')}\r\n--${boundary}--\r\n`,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'body.mode', code: 'common.text_nul' }),
    );
  });
});
