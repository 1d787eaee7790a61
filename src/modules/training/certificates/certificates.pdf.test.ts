import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildClass, thirtyWorkers } from '../../../../test/helpers/certificates.fixtures.ts';
import { buildOrg, buildUser } from '../../../../test/helpers/factories.ts';
import {
  hasPoppler,
  pdfPages,
  pdfText,
  renderPage,
  saveSample,
} from '../../../../test/helpers/pdf.fixtures.ts';
import {
  createTestApp,
  loginAs,
  type Session,
  signIn,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { buildCertificateCentre } from '../../../../test/helpers/training.fixtures.ts';

/**
 * The printed certificate: Vietnamese text with its diacritics (read back with pdftotext), a QR code that
 * a decoder reads from the rendered page (pdftoppm → PNG → jsQR) as the verification link, and the bulk
 * PDF of a class of 30 streamed well under 3 s.
 */

describe('certificate PDFs', () => {
  let t: TestApp;
  let admin: Session;
  let centre: { id: number; path: string; name: string; version: number };
  const poppler = hasPoppler();

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    ({ centre } = await buildCertificateCentre(t.db));
    admin = await loginAs(t, centre, 'org_admin');
  });

  const issue = async (classId: number) => {
    const res = await admin.post(`/api/training/classes/${classId}/certificates`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().issued;
  };
  const getPdf = (url: string) =>
    admin.request({ method: 'GET', url, headers: { host: 'chungtay.local:3000' } });

  it('prints one certificate in Vietnamese with a QR code that decodes to its verification page', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_LLSC',
      days: ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23'],
      learners: [
        { name: 'Nguyễn Thị Ngọc Ánh', sex: 'female', birthDate: '1992-08-07', theory: 8.5, practice: 9 },
      ],
    });
    const [cert] = await issue(k.id);
    const res = await getPdf(`/api/training/certificates/${cert.id}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^inline; filename="Giay-chung-nhan-000001-2026-GCN-TTDVND/,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    saveSample('giay-chung-nhan.pdf', pdf);
    if (!poppler) return;
    const text = pdfText(pdf);
    for (const s of [
      'TRUNG ƯƠNG HỘI CHỮ THẬP ĐỎ VIỆT NAM',
      'TRUNG TÂM DỊCH VỤ NHÂN ĐẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY CHỨNG NHẬN',
      'Chứng nhận bà: Nguyễn Thị Ngọc Ánh',
      'Ngày sinh: 07/08/1992',
      'Sơ cứu, cấp cứu tại nơi làm việc – lực lượng sơ cứu',
      '16 giờ, từ ngày 20/04/2026 đến ngày 23/04/2026',
      'Kết quả: Đạt (lý thuyết 8,5; thực hành 9)',
      'Số: 000001/2026/GCN-TTDVNĐ',
      'Bắc Ninh, ngày 04 tháng 5 năm 2026',
      'Giá trị đến: hết ngày 04/05/2027',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ])
      expect(text).toContain(s);
    const { qr } = renderPage(pdf, 1, { sample: 'giay-chung-nhan-80dpi.png' });
    expect(qr).toBe(`http://chungtay.local:3000/verify/${cert.verifyCode}`);
    // The link works: the page it opens names the holder.
    const page = await t.app.inject({ method: 'GET', url: new URL(qr!).pathname });
    expect(page.body).toContain('Nguyễn Thị Ngọc Ánh');
  });

  it('prints an OSH group 3 safety card, and marks a revoked certificate on its face', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'ATVSLD_N3',
      learners: [{ name: 'Đặng Văn Hải', sex: 'male' }, { name: 'Trần Quốc Bảo' }],
    });
    // A batch is numbered in the class list's order (by given name): find each holder by name.
    const issued: { id: number; personName: string; verifyCode: string }[] = await issue(k.id);
    const card = issued.find((c) => c.personName === 'Đặng Văn Hải')!;
    const other = issued.find((c) => c.personName === 'Trần Quốc Bảo')!;
    const cardPdf = (await getPdf(`/api/training/certificates/${card.id}.pdf`)).rawPayload;
    await admin.post(`/api/training/certificates/${other.id}/revoke`, { reason: 'Cấp nhầm người' });
    const revokedPdf = (await getPdf(`/api/training/certificates/${other.id}.pdf`)).rawPayload;
    saveSample('the-an-toan-lao-dong.pdf', cardPdf);
    if (!poppler) return;
    const text = pdfText(cardPdf);
    for (const s of [
      'THẺ AN TOÀN LAO ĐỘNG',
      'Chứng nhận ông: Đặng Văn Hải',
      'TATLĐ-TTDVNĐ',
      'hết ngày 04/05/2028',
    ])
      expect(text).toContain(s);
    expect(renderPage(cardPdf, 1, { sample: 'the-an-toan-lao-dong-80dpi.png' }).qr).toBe(
      `http://chungtay.local:3000/verify/${card.verifyCode}`,
    );
    const revoked = pdfText(revokedPdf);
    expect(revoked).toContain('(ĐÃ THU HỒI — không còn giá trị)');
    expect(revoked).toContain('Chứng nhận ông/bà: Trần Quốc Bảo');
    renderPage(revokedPdf, 1, { sample: 'giay-chung-nhan-da-thu-hoi-80dpi.png' });
  });

  it('streams the certificates of a class of 30 in one PDF, one page each (its speed is in the benchmark)', async () => {
    const k = await buildClass(t.db, {
      provider: centre,
      course: 'SCC_NLD',
      code: 'SCC-KCN-01',
      learners: thirtyWorkers(),
    });
    const issued = await issue(k.id);
    expect(issued).toHaveLength(30);
    // Over a real socket, to see the response streamed (chunked, no length known in advance).
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = t.app.server.address() as AddressInfo;
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/training/classes/${k.id}/certificates.pdf`, {
        headers: { cookie: `ct_session=${admin.cookie}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      expect(res.headers.get('content-length')).toBeNull();
      expect(res.headers.get('x-certificate-count')).toBe('30');
      const reader = res.body!.getReader();
      const chunks: Uint8Array[] = [];
      let firstByteMs = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!firstByteMs) firstByteMs = performance.now() - started;
        chunks.push(value);
      }
      const totalMs = performance.now() - started;
      const pdf = Buffer.concat(chunks);
      console.log(
        `[certificates] bulk PDF of 30: first bytes ${firstByteMs.toFixed(0)} ms, complete ${totalMs.toFixed(0)} ms, ` +
          `${(pdf.length / 1024).toFixed(0)} KiB in ${chunks.length} chunks`,
      );
      expect(chunks.length).toBeGreaterThan(1);
      saveSample('giay-chung-nhan-lop-SCC-KCN-01.pdf', pdf);
      if (!poppler) return;
      expect(pdfPages(pdf)).toBe(30);
      const text = pdfText(pdf);
      expect(text.match(/GIẤY CHỨNG NHẬN/g)).toHaveLength(30);
      for (const c of issued) expect(text).toContain(c.number);
      expect(text).toContain('Chứng nhận bà: Nguyễn Thị Hương');
      expect(text).toContain('Chứng nhận ông: Phạm Quang Huy'); // plain 'a' in bold, in a later document too
      const last = issued[29];
      expect(renderPage(pdf, 30, { sample: 'lop-30-trang-30-80dpi.png' }).qr).toBe(
        `http://127.0.0.1:${port}/verify/${last.verifyCode}`,
      );
    } finally {
      await t.app.close();
    }
  });
});

describe('certificate QR links with PUBLIC_URL', () => {
  it('points the QR code at PUBLIC_URL whatever address printed it', async () => {
    const t = await createTestApp('2026-05-04T08:00:00Z', { PUBLIC_URL: 'https://chungtay.example.vn/' });
    const org = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh', kind: 'red_cross' });
    const u = await buildUser(t.db, { grants: [{ org, role: 'org_admin' }] });
    const s = await signIn(t, u.username, u.password);
    const k = await buildClass(t.db, {
      provider: org,
      course: 'CTD_SCC_1',
      learners: [{ name: 'Lê Thị Thu' }],
    });
    const [cert] = (await s.post(`/api/training/classes/${k.id}/certificates`)).json().issued;
    const pdf = (await s.get(`/api/training/classes/${k.id}/certificates.pdf`)).rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPoppler()) return;
    expect(renderPage(pdf).qr).toBe(`https://chungtay.example.vn/verify/${cert.verifyCode}`);
    expect(pdfText(pdf)).toContain('không thời hạn');
  });
});
