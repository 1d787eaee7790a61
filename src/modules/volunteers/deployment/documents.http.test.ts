import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, pdfText, renderPage, saveSample } from '../../../../test/helpers/pdf.fixtures.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import {
  buildMinistry,
  buildVolunteers,
  buildWave,
  type Forest,
  proposeMembers,
  type Wave,
} from './deployment.fixtures.ts';

/** Send-off lists, the wave summary and participation certificates: content, diacritics, and each caller's scope. */
describe('deployment: documents', () => {
  let t: TestApp;
  let f: Forest;
  let officer: Session;
  let school: Session;
  let outsider: Session;
  let wave: Wave;
  let list: { id: number; fullName: string; personId: number }[];
  const poppler = hasPoppler();

  beforeAll(async () => {
    t = await createTestApp('2021-05-27T02:00:00Z', {
      SESSION_TTL_HOURS: '100000',
      PUBLIC_URL: 'https://chungtay.example.vn',
    });
    f = await buildMinistry(t.db);
    officer = await loginAs(t, f.ministry, 'mobilisation_officer');
    school = await loginAs(t, f.schoolA, 'volunteer_officer');
    outsider = await loginAs(t, (await buildMinistry(t.db)).schoolA, 'volunteer_officer');
    wave = await buildWave(t.db, f.ministry);
    const people = [
      ...(await buildVolunteers(t.db, f.schoolA, ['Trần Thị Ánh', 'Lê Hoàng Bảo', 'Nguyễn Thị Ngọc Ánh'], {
        faculty: 'Khoa Điều dưỡng',
      })),
      ...(await buildVolunteers(t.db, f.schoolB, ['Đỗ Thu Hà'])),
    ];
    const members = await proposeMembers(t.db, wave.id, people);
    const res = await officer.post(`/api/waves/${wave.id}/assignments`, {
      items: members.map((m, i) => ({
        memberId: m,
        destinationId: wave.destinations[i === 3 ? 1 : 0]!.id,
        site: i === 0 ? 'Bệnh viện dã chiến số 2, huyện Việt Yên' : null,
        task: i === 0 ? 'Lấy mẫu xét nghiệm RT-PCR' : null,
        teamLeaderPersonId: people[0]!.personId,
      })),
    });
    expect(res.statusCode, res.body).toBe(200);
    list = (await officer.get(`/api/waves/${wave.id}/assignments`)).json().assignments;
  });

  async function workbookRows(body: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const out: unknown[][] = [];
    ws.eachRow((row) => {
      out.push((row.values as unknown[]).slice(1));
    });
    return out;
  }

  it('exports an institution’s send-off list as XLSX with every column, in Vietnamese name order', async () => {
    const res = await officer.request({
      method: 'GET',
      url: `/api/waves/${wave.id}/send-off.xlsx?orgId=${f.schoolA.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await workbookRows(res.rawPayload);
    expect(rows.flat()).toContain('DANH SÁCH XUẤT QUÂN');
    expect(rows.flat()).toContain('Căn cứ Chỉ đạo ngày 26/05/2021 của Thứ trưởng Nguyễn Trường Sơn');
    const head = rows.findIndex((r) => r[0] === 'STT');
    expect(rows[head]).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Đối tượng',
      'Khoa/lớp',
      'Kỹ năng/nhiệm vụ',
      'Nơi đến',
      'Từ ngày – Đến ngày',
      'Trưởng nhóm',
      'Ghi chú',
    ]);
    const body = rows.slice(head + 1, head + 4);
    // Given names: Ánh, Ánh, Bảo — then the rest of the name.
    expect(body.map((r) => r[1])).toEqual(['Nguyễn Thị Ngọc Ánh', 'Trần Thị Ánh', 'Lê Hoàng Bảo']);
    expect(body[1]).toEqual([
      2,
      'Trần Thị Ánh',
      new Date('2001-03-15T00:00:00Z'),
      'Sinh viên',
      'Khoa Điều dưỡng, năm 5',
      'Lấy mẫu xét nghiệm RT-PCR',
      'Bắc Giang – Bệnh viện dã chiến số 2, huyện Việt Yên',
      '27/05/2021 – 26/06/2021',
      'Trần Thị Ánh',
    ]);
    expect(rows.flat()).not.toContain('Đỗ Thu Hà');
  });

  it('prints a destination’s send-off list as PDF with the national heading and names with diacritics', async () => {
    const res = await officer.get(
      `/api/waves/${wave.id}/send-off.pdf?destinationId=${wave.destinations[1]!.id}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    if (!poppler) return;
    const text = pdfText(res.rawPayload);
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'DANH SÁCH XUẤT QUÂN',
      'Đỗ Thu Hà',
      'Nơi đến: Bắc Ninh',
      'THỦ TRƯỞNG ĐƠN VỊ',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Lê Hoàng Bảo');
    renderPage(res.rawPayload, 1, { dpi: 60, sample: 'deployment-send-off.png' });
    saveSample('deployment-send-off.pdf', res.rawPayload);
  });

  it('gives an institution only its own volunteers; other ids are refused by field, other waves not found', async () => {
    const own = await school.get(`/api/waves/${wave.id}/send-off.pdf`);
    expect(own.statusCode).toBe(200);
    if (poppler) {
      const text = pdfText(own.rawPayload);
      expect(text).toContain('Lê Hoàng Bảo');
      expect(text).not.toContain('Đỗ Thu Hà');
    }
    const other = await school.get(`/api/waves/${wave.id}/send-off.xlsx?orgId=${f.schoolB.id}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.issues[0].path).toBe('querystring.orgId');
    const otherWave = await buildWave(t.db, f.ministry, { title: 'Đợt khác' });
    const dest = await officer.get(
      `/api/waves/${wave.id}/send-off.xlsx?destinationId=${otherWave.destinations[0]!.id}`,
    );
    expect(dest.json().error.details.issues[0].path).toBe('querystring.destinationId');
    expect((await outsider.get(`/api/waves/${wave.id}/send-off.pdf`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/waves/${wave.id}/summary.xlsx`)).statusCode).toBe(404);
  });

  it('summarises the wave per institution with totals (an institution sees its own line)', async () => {
    const res = await officer.get(`/api/waves/${wave.id}/summary.xlsx`);
    const rows = await workbookRows(res.rawPayload);
    const head = rows.findIndex((r) => r[0] === 'STT');
    expect(rows.slice(head + 1)).toEqual([
      [1, f.schoolA.name, 3, 3, 3, 0, 0],
      [2, f.schoolB.name, 1, 1, 1, 0, 0],
      [undefined, 'Tổng cộng', 4, 4, 4, 0, 0],
    ]);
    const own = await workbookRows((await school.get(`/api/waves/${wave.id}/summary.xlsx`)).rawPayload);
    expect(own.flat()).not.toContain(f.schoolB.name);
    const pdf = await officer.get(`/api/waves/${wave.id}/summary.pdf`);
    if (poppler) {
      expect(pdfText(pdf.rawPayload)).toContain('BÁO CÁO TỔNG HỢP ĐỢT HUY ĐỘNG');
      renderPage(pdf.rawPayload, 1, { dpi: 60, sample: 'deployment-summary.png' });
    }
  });

  it('numbers a participation certificate once, with a QR code to a public page that shows only what it should', async () => {
    const a = list.find((x) => x.fullName === 'Trần Thị Ánh')!;
    const early = await officer.get(`/api/assignments/${a.id}/certificate.pdf`);
    expect(early.json().error.code).toBe('deployment.certificate_not_eligible');
    t.clock.set('2021-06-27T02:00:00Z');
    expect(
      (
        await school.get(
          `/api/assignments/${list.find((x) => x.fullName === 'Đỗ Thu Hà')!.id}/certificate.pdf`,
        )
      ).statusCode,
    ).toBe(404);
    const res = await school.get(`/api/assignments/${a.id}/certificate.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const again = await officer.get(`/api/assignments/${a.id}/certificate.pdf`);
    expect(again.statusCode).toBe(200);
    expect(await countRows(t.db, 'audit_log', sql`action = 'deployment.certificate_issue'`)).toBe(1);
    const no = (
      (await t.db.execute(
        sql`SELECT certificate_no AS no FROM volunteer_assignments WHERE id = ${a.id}`,
      )) as unknown as { rows: { no: string }[] }
    ).rows[0]!.no;
    expect(no).toMatch(/^TNV-2021-000001-[A-Z2-9]{4}$/);
    if (poppler) {
      const text = pdfText(res.rawPayload);
      for (const s of [
        'GIẤY CHỨNG NHẬN',
        'tham gia hoạt động tình nguyện',
        'Trần Thị Ánh',
        'Trường Đại học Y Dược Hải Phòng',
        no,
      ])
        expect(text).toContain(s);
      const { qr } = renderPage(res.rawPayload, 1, { dpi: 110, sample: 'deployment-certificate.png' });
      expect(qr).toBe(`https://chungtay.example.vn/verify/tnv/${no}`);
    }
    const page = await t.app.inject({ method: 'GET', url: `/verify/tnv/${no}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trần Thị Ánh');
    expect(page.body).toContain('ĐÃ HOÀN THÀNH');
    expect(page.body).not.toContain('2001');
    const json = await t.app.inject({ method: 'GET', url: `/api/verify/volunteering/${no}` });
    expect(Object.keys(json.json()).sort()).toEqual([
      'endsOn',
      'fullName',
      'issuedOn',
      'number',
      'orgName',
      'startsOn',
      'state',
      'waveTitle',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/verify/tnv/TNV-2021-000001-AAAA' })).statusCode).toBe(
      404,
    );
    // The wave's certificates: every completed assignment the institution reads, numbered in turn.
    const bulk = await school.get(`/api/waves/${wave.id}/certificates.pdf`);
    expect(bulk.statusCode).toBe(200);
    if (poppler) expect(pdfText(bulk.rawPayload)).not.toContain('Đỗ Thu Hà');
  });
});
