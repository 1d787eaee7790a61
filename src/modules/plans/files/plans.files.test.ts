import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { buildSeed001World, type Seed001World, seed001PlanBody } from '../../../../test/helpers/seed-001.ts';
import { countRows, createTestApp, type Session, type TestApp } from '../../../../test/helpers/test-app.ts';

type Part = { name: string; value: string } | { name: string; filename: string; content: Buffer };

function multipart(parts: Part[]) {
  const boundary = '----chungtay-test';
  const chunks = parts.flatMap((p) =>
    'value' in p
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
          ),
        ]
      : [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
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

const upload = (s: Session, url: string, parts: Part[]) =>
  s.request({ method: 'POST', url, ...multipart(parts) });

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The row whose column A reads `label` (values as ExcelJS gives them). */
function rowOf(ws: ExcelJS.Worksheet, label: string | number) {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row "${label}"`);
  return found;
}

function hasPdftotext() {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Seed 001: the consolidated report of 45/HD-LĐLĐ, its template round trip and the plan's attachments. */
describe('plan files: consolidated XLSX/PDF, report templates, attachments', () => {
  let t: TestApp;
  let o: Seed001World['o'];
  let federation: Session;
  let healthClerk: Session;
  let tuanGiaoClerk: Session;
  let redCross: Session;
  let bacNinh: Session;
  type Plan = { id: number; version: number; indicators: { id: number; code: string }[] };
  let plan: Plan;
  let plan2: Plan;
  const ind = (p: Plan, code: string) => p.indicators.find((i) => i.code === code)!.id;
  const values = (p: Plan, hd: number, donors: number, members: number, units: number) => [
    { indicatorId: ind(p, 'HD'), value: hd },
    { indicatorId: ind(p, 'TL_HM'), value: donors, denominator: members },
    { indicatorId: ind(p, 'DV_MAU'), value: units },
  ];
  const report = (
    s: Session,
    p: Plan,
    org: BuiltOrg,
    v: ReturnType<typeof values>,
    submit = true,
    version = 0,
  ) => s.post(`/api/plans/${p.id}/reports`, { orgId: org.id, periodKey: 'once', version, submit, values: v });

  async function createPlan(number: string, title: string, extra: object[] = []): Promise<Plan> {
    const created = await federation.post('/api/plans', { ...seed001PlanBody(o, number, extra), title });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect((await federation.post(`/api/plans/${p.id}/issue`, { version: p.version })).statusCode).toBe(200);
    return p;
  }

  const setTarget = async (p: Plan, code: string, targets: { orgId: number; value: number }[]) => {
    const res = await federation.request({
      method: 'PUT',
      url: `/api/plans/${p.id}/targets`,
      json: { indicatorId: ind(p, code), targets },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp('2021-03-22T02:00:00Z', { SESSION_TTL_HOURS: '100000' });
    const world = await buildSeed001World(t);
    o = world.o;
    ({ federation, healthClerk, tuanGiaoClerk, redCross, bacNinh } = world.s);

    plan = await createPlan('45/HD-LĐLĐ', 'Hưởng ứng "Ngày toàn dân hiến máu tình nguyện" 7/4/2021');
    // The second plan also counts each union's active sub-units, a value its records give (indicator source).
    await buildOrg(t.db, { parent: o.education, name: 'Công đoàn Trường THPT Chuyên Lê Quý Đôn' });
    plan2 = await createPlan('46/HD-LĐLĐ', 'Hướng dẫn thử nhập báo cáo bằng biểu mẫu Excel', [
      { code: 'SO_CD', name: 'Số công đoàn trực thuộc', kind: 'count', source: 'orgs.active_units' },
    ]);
    await setTarget(plan, 'DV_MAU', [{ orgId: o.federation.id, value: 1000 }]);
    await setTarget(plan, 'DV_MAU', [
      { orgId: o.health.id, value: 400 },
      { orgId: o.education.id, value: 300 },
      { orgId: o.tuanGiao.id, value: 250 },
    ]);
    await setTarget(plan, 'TL_HM', [{ orgId: o.federation.id, value: 30 }]);
    await setTarget(plan, 'HD', [{ orgId: o.federation.id, value: 100 }]);

    // On time, on time, late; the education union never reports.
    t.clock.set('2021-04-20T03:00:00Z');
    expect((await report(healthClerk, plan, o.cdcs1, values(plan, 1, 40, 100, 180))).statusCode).toBe(200);
    t.clock.set('2021-04-29T10:00:00Z');
    expect((await report(tuanGiaoClerk, plan, o.tuanGiao, values(plan, 1, 50, 150, 260))).statusCode).toBe(
      200,
    );
    t.clock.set('2021-05-03T02:00:00Z');
    expect((await report(healthClerk, plan, o.cdcs2, values(plan, 1, 20, 80, 150))).statusCode).toBe(200);
    t.clock.set('2021-05-05T02:00:00Z');
  });

  const exportUrl = (p: Plan, org: BuiltOrg, file = 'export.xlsx') =>
    `/api/plans/${p.id}/${file}?orgId=${org.id}&periodKey=once`;

  it('exports the consolidated report as XLSX: hierarchy, statuses, totals, target and achievement', async () => {
    t.clock.set('2021-05-05T02:00:00Z');
    const res = await federation.get(exportUrl(plan, o.federation));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(
      /^attachment; filename="Bao-cao-tong-hop-45-HD-LDLD-Lien-doan-Lao-dong-tinh-Dien-Bien\.xlsx"/,
    );
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(
      'Báo cáo tổng hợp 45-HD-LĐLĐ - Liên đoàn Lao động tỉnh Điện Biên.xlsx',
    );
    if (process.env.SAVE_SAMPLES) {
      mkdirSync('artifacts', { recursive: true });
      writeFileSync('artifacts/bao-cao-tong-hop-45-HD-LDLD.xlsx', res.rawPayload);
    }

    const wb = await workbook(res.rawPayload);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A2').value).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐIỆN BIÊN');
    expect(rowOf(ws, 'Số, ký hiệu:').getCell(2).value).toBe('45/HD-LĐLĐ');
    const due = rowOf(ws, 'Hạn nộp báo cáo:').getCell(2);
    expect((due.value as Date).toISOString().slice(0, 10)).toBe('2021-04-30');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(rowOf(ws, 'Tình hình báo cáo:').getCell(2).value).toBe(
      '3/4 đơn vị đã báo cáo, 2 đúng hạn, 1 muộn, 1 chưa nộp',
    );

    const head = rowOf(ws, 'Đơn vị');
    const colOf = (code: string) => {
      let col = 0;
      head.eachCell((c, n) => {
        if (!col && String(c.value).startsWith(`${code}.`)) col = n;
      });
      return col;
    };
    const [hd, tl, dv] = [colOf('HD'), colOf('TL_HM'), colOf('DV_MAU')];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: head.number + 1 });

    const health = rowOf(ws, 'Công đoàn ngành Y tế tỉnh Điện Biên');
    expect(health.getCell(2).value).toBe('2/2 đã báo cáo');
    expect(health.getCell(dv).value).toBe(330);
    const cdcs1 = rowOf(ws, 'CĐCS Bệnh viện Đa khoa tỉnh');
    expect(cdcs1.number).toBe(health.number + 1); // listed under its parent, indented one level
    expect(cdcs1.getCell(1).alignment?.indent).toBe(1);
    expect(cdcs1.getCell(2).value).toBe('Đúng hạn');
    expect((cdcs1.getCell(3).value as Date).toISOString().slice(0, 10)).toBe('2021-04-20');
    expect(cdcs1.getCell(dv).value).toBe(180);
    expect(cdcs1.getCell(hd).value).toBe(1);
    expect(cdcs1.getCell(hd).numFmt).toBe('"Có";;"Không"');
    expect(rowOf(ws, 'CĐCS Trung tâm Kiểm soát bệnh tật').getCell(2).value).toBe('Muộn');
    const education = rowOf(ws, 'Công đoàn ngành Giáo dục tỉnh Điện Biên');
    expect(education.getCell(2).value).toBe('Chưa nộp');
    // Missing reads "—" (as on the web and in the PDF), never a blank or a 0 that looks like a result.
    expect(education.getCell(dv).value).toBe('—');
    expect(education.getCell(tl + 2).value).toBe('—');

    const total = rowOf(ws, 'Tổng cộng');
    expect(total.getCell(dv).value).toBe(590);
    expect(total.getCell(tl).value).toBe(110);
    expect(total.getCell(tl + 1).value).toBe(330);
    expect(total.getCell(tl + 2).value).toBeCloseTo(0.333, 3);
    expect(total.getCell(tl + 2).numFmt).toBe('0.0%');
    expect(total.getCell(hd + 1).value).toBe(0.75);
    const target = rowOf(ws, 'Chỉ tiêu được giao');
    expect(target.getCell(dv).value).toBe(1000);
    expect(target.getCell(tl + 2).value).toBe(0.3);
    expect(rowOf(ws, 'Mục tiêu phấn đấu').getCell(dv).value).toBe(1050); // 105% of the quota
    const achieved = rowOf(ws, 'Tỷ lệ đạt so với mục tiêu');
    expect(achieved.getCell(dv).value).toBeCloseTo(0.562, 3); // 590 ÷ (1000 × 105%)
    expect(achieved.getCell(tl + 2).value).toBeCloseTo(1.11, 3);

    const behind = wb.getWorksheet('Chưa nộp, muộn')!;
    const late = rowOf(behind, 1);
    expect(late.values).toEqual(
      expect.arrayContaining([
        'CĐCS Trung tâm Kiểm soát bệnh tật',
        'Công đoàn ngành Y tế tỉnh Điện Biên',
        'Muộn',
        3,
      ]),
    );
    expect(rowOf(behind, 2).getCell(2).value).toBe('Công đoàn ngành Giáo dục tỉnh Điện Biên');
    expect(rowOf(behind, 2).getCell(4).value).toBe('Chưa nộp');
  });

  it('refuses the export to another province (404) or of an organisation a partner with a copy does not see', async () => {
    expect((await bacNinh.get(exportUrl(plan, o.federation))).statusCode).toBe(404);
    const partner = await redCross.get(exportUrl(plan, o.federation, 'summary.pdf'));
    expect(partner.statusCode).toBe(400);
    expect(partner.json().error.details.issues[0].path).toBe('querystring.orgId');
    const down = await healthClerk.get(exportUrl(plan, o.health));
    expect(down.statusCode).toBe(200);
    const ws = (await workbook(down.rawPayload)).getWorksheet('Tổng hợp')!;
    expect(() => rowOf(ws, 'Công đoàn xã Tuần Giáo')).toThrow(); // only the health union's subtree
    expect(rowOf(ws, 'Tổng cộng').getCell(2).value).toBe('2/2 đã báo cáo');
  });

  it('prints an A4 PDF summary with Vietnamese text and an embedded font', async () => {
    const res = await federation.get(exportUrl(plan, o.federation, 'summary.pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="Bao-cao-tong-hop-45-HD-LDLD-/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/); // the TrueType font travels inside the file
    expect(pdf.toString('latin1')).toContain('NotoSerif-Bold');
    if (process.env.SAVE_SAMPLES) writeFileSync('artifacts/bao-cao-tong-hop-45-HD-LDLD.pdf', pdf);
    if (!hasPdftotext()) {
      // CI installs poppler-utils (.ci/run): there the text must be checked, never skipped.
      if (process.env.CI) throw new Error('pdftotext (poppler-utils) is required in CI');
      console.warn('[tests] pdftotext (poppler-utils) not installed: PDF text not checked');
      return;
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ct-pdf-')), 'summary.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const s of [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐIỆN BIÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO TỔNG HỢP KẾT QUẢ',
      'Liên đoàn Lao động tỉnh Điện Biên',
      '3/4 đơn vị đã báo cáo, 2 đúng hạn',
      'CĐCS Trung tâm Kiểm soát bệnh tật',
      'nộp muộn ngày 03/05/2021',
      'Trang 1/',
      'Lập ngày 05/05/2021',
    ])
      expect(text).toContain(s);
  });

  it('round-trips the report template: download, fill, upload — saved, submitted and rolled up', async () => {
    t.clock.set('2021-04-25T03:00:00Z');
    // A draft made in the browser comes back pre-filled in the template.
    expect(
      (
        await report(
          tuanGiaoClerk,
          plan2,
          o.tuanGiao,
          [{ indicatorId: ind(plan2, 'DV_MAU'), value: 77 }] as never,
          false,
        )
      ).statusCode,
    ).toBe(200);
    const own = await tuanGiaoClerk.get(exportUrl(plan2, o.tuanGiao, 'report-template.xlsx'));
    expect(own.statusCode, own.body).toBe(200);
    const ownWs = (await workbook(own.rawPayload)).getWorksheet('Báo cáo')!;
    expect(ownWs.getCell('B5').value).toBe('Công đoàn xã Tuần Giáo');
    expect(ownWs.getCell('C5').value).toBe('Bản nháp');
    expect(ownWs.getRow(5).values).toContain(77);

    // The health clerk gets only the units it reports for.
    const res = await healthClerk.get(exportUrl(plan2, o.health, 'report-template.xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1]!)).toBe(
      'Biểu mẫu báo cáo 46-HD-LĐLĐ - Công đoàn ngành Y tế tỉnh Điện Biên.xlsx',
    );
    const wb = await workbook(res.rawPayload);
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getColumn(1).hidden).toBe(true);
    const header = (ws.getRow(4).values as string[]).slice(1);
    expect(header.map((h) => /\[(.+)\]$/.exec(h)![1])).toEqual([
      'ORG_ID',
      'DON_VI',
      'TRANG_THAI',
      'HD',
      'TL_HM',
      'TL_HM:MS',
      'DV_MAU',
      'SO_CD',
    ]);
    expect([ws.getCell('B5').value, ws.getCell('B6').value, ws.getCell('B7').value]).toEqual([
      'CĐCS Bệnh viện Đa khoa tỉnh',
      'CĐCS Trung tâm Kiểm soát bệnh tật',
      null,
    ]);
    expect(ws.getCell('D5').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'between',
      formulae: [0, 1],
    });
    expect(ws.getCell('G5').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });

    ws.getRow(5).getCell(4).value = 1;
    ws.getRow(5).getCell(5).value = 40;
    ws.getRow(5).getCell(6).value = 100;
    ws.getRow(5).getCell(7).value = 180;
    ws.getRow(6).getCell(4).value = 1;
    ws.getRow(6).getCell(5).value = '20'; // typed as text: still a number
    ws.getRow(6).getCell(6).value = 80;
    ws.getRow(6).getCell(7).value = { formula: '100+50', result: 150 };
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const saved = await upload(healthClerk, `/api/plans/${plan2.id}/report-upload`, [
      { name: 'orgId', value: String(o.health.id) },
      { name: 'periodKey', value: 'once' },
      { name: 'submit', value: 'true' },
      { name: 'file', filename: 'bao-cao.xlsx', content: filled },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      saved: 2,
      submitted: 2,
      skipped: 0,
      units: [
        { row: 5, orgId: o.cdcs1.id, result: 'submitted', status: 'submitted', version: 1 },
        { row: 6, orgId: o.cdcs2.id, result: 'submitted', status: 'submitted', version: 1 },
      ],
    });
    const d = (await federation.get(`/api/plans/${plan2.id}/dashboard?orgId=${o.federation.id}`)).json();
    expect(d.totals.find((x: { code: string }) => x.code === 'DV_MAU').value).toBe(330);
    expect(d.totals.find((x: { code: string }) => x.code === 'TL_HM')).toMatchObject({
      value: 60,
      denominator: 180,
    });
    expect(d.completeness).toMatchObject({ expected: 4, reported: 2, onTime: 2 });
  });

  it('saves nothing when one line is wrong, and names each wrong row and column', async () => {
    t.clock.set('2021-04-26T03:00:00Z');
    const res = await federation.get(exportUrl(plan2, o.federation, 'report-template.xlsx'));
    if (process.env.SAVE_SAMPLES) writeFileSync('artifacts/bieu-mau-bao-cao-46-HD-LDLD.xlsx', res.rawPayload);
    const wb = await workbook(res.rawPayload);
    const ws = wb.getWorksheet('Báo cáo')!;
    const names = [5, 6, 7, 8].map((r) => ws.getCell(`B${r}`).value);
    expect(names).toEqual([
      'CĐCS Bệnh viện Đa khoa tỉnh',
      'CĐCS Trung tâm Kiểm soát bệnh tật',
      'Công đoàn ngành Giáo dục tỉnh Điện Biên',
      'Công đoàn xã Tuần Giáo',
    ]);
    expect(ws.getCell('C5').value).toBe('Đã nộp — khoá');
    // No report yet: the line offers what the unit's records say (1 active sub-unit).
    expect([ws.getCell('C7').value, ws.getCell('H7').value]).toEqual(['Gợi ý từ hồ sơ', 1]);
    ws.getRow(7).values = [o.education.id, 'Công đoàn ngành Giáo dục tỉnh Điện Biên', '', 1, 30, 120, 200, 1];
    ws.getRow(8).values = [o.tuanGiao.id, 'Công đoàn xã Tuần Giáo', '', 1, 90, 60, 'nhiều', 0];
    ws.getRow(9).values = [999999, 'Đơn vị lạ', '', 1, 1, 1, 1, 0];
    const body = (file: Buffer, submit = 'true') => [
      { name: 'orgId', value: String(o.federation.id) },
      { name: 'periodKey', value: 'once' },
      { name: 'submit', value: submit },
      { name: 'file', filename: 'bao-cao.xlsx', content: file },
    ];
    const bad = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const issues = bad.json().error.details.issues as { path: string; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'file.row 8.DV_MAU', message: expect.stringContaining('“nhiều” không phải là số') },
        { path: 'file.row 9.ORG_ID', message: expect.stringContaining('không thuộc danh sách phải báo cáo') },
      ]),
    );
    ws.getRow(8).getCell(7).value = 260;
    ws.getRow(9).values = [];
    const tooMany = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(tooMany.json().error.details.issues).toEqual([
      { path: 'file.row 8.TL_HM', message: expect.stringContaining('tử số (90) lớn hơn mẫu số (60)') },
    ]);

    // Every line is valid on its own, but the last one changes a report that is already submitted: the
    // lines saved before it in the same transaction are undone too.
    ws.getRow(8).getCell(5).value = 50;
    ws.getRow(8).getCell(6).value = 150;
    ws.getRow(5).values = [];
    ws.getRow(10).values = [o.cdcs1.id, 'CĐCS Bệnh viện Đa khoa tỉnh', '', 1, 41, 100, 999, 0];
    const locked = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(locked.statusCode).toBe(400);
    expect(locked.json().error.details.issues).toEqual([
      { path: 'file.row 10', message: expect.stringContaining('báo cáo đã nộp nên không sửa được') },
    ]);
    const reportsOf = (org: BuiltOrg) =>
      countRows(t.db, 'plan_reports', sql`plan_id = ${plan2.id} AND org_id = ${org.id}`);
    expect(await reportsOf(o.education)).toBe(0);
    const tuanGiao = await t.db.execute(
      sql`SELECT version FROM plan_reports WHERE plan_id = ${plan2.id} AND org_id = ${o.tuanGiao.id}`,
    );
    expect((tuanGiao as unknown as { rows: { version: number }[] }).rows[0]!.version).toBe(1); // still the draft

    // Submitting needs every value; as drafts, partial lines are fine.
    ws.getRow(10).values = [];
    ws.getRow(7).getCell(7).value = null;
    const partial = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(partial.json().error.details.issues).toEqual([
      { path: 'file.row 7.DV_MAU', message: expect.stringContaining('thiếu số liệu') },
    ]);
    const drafts = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from(await wb.xlsx.writeBuffer()), 'false'),
    );
    expect(drafts.statusCode, drafts.body).toBe(200);
    expect(drafts.json()).toMatchObject({ saved: 2, submitted: 0, skipped: 1 });
    expect(await reportsOf(o.education)).toBe(1);

    // Another plan's template is refused as a whole.
    const other = await federation.get(exportUrl(plan, o.federation, 'report-template.xlsx'));
    const wrong = await upload(federation, `/api/plans/${plan2.id}/report-upload`, body(other.rawPayload));
    expect(wrong.json().error.details.issues).toEqual([
      { path: 'file', message: expect.stringContaining('kế hoạch khác') },
    ]);
    const notXlsx = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(Buffer.from('a,b,c\n')),
    );
    expect(notXlsx.json().error.details.issues[0].path).toBe('file');
    const noUnit = await upload(
      federation,
      `/api/plans/${plan2.id}/report-upload`,
      body(other.rawPayload).slice(1),
    );
    expect(noUnit.json().error.details.issues).toEqual([{ path: 'body.orgId', message: expect.any(String) }]);
  });

  describe('attachments', () => {
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const url = () => `/api/plans/${plan.id}/attachments`;
    let attachmentId: number;

    it('stores a PDF with its checksum, lists it to whoever sees the plan and serves it back', async () => {
      const res = await upload(federation, url(), [
        { name: 'file', filename: 'Hướng dẫn 45-HD-LĐLĐ.pdf', content: pdfBytes },
      ]);
      expect(res.statusCode, res.body).toBe(201);
      const sha256 = createHash('sha256').update(pdfBytes).digest('hex');
      expect(res.json()).toMatchObject({
        fileName: 'Hướng dẫn 45-HD-LĐLĐ.pdf',
        contentType: 'application/pdf',
        size: pdfBytes.length,
        sha256,
      });
      attachmentId = res.json().id;
      for (const s of [federation, healthClerk, redCross]) {
        const list = await s.get(url());
        expect(list.statusCode).toBe(200);
        expect(list.json()).toEqual([expect.objectContaining({ id: attachmentId, sha256 })]);
      }
      const file = await redCross.get(`${url()}/${attachmentId}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(String(file.headers['content-disposition'])).toContain(
        "filename*=UTF-8''H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn%2045-HD-L%C4%90L%C4%90.pdf",
      );
      expect(file.rawPayload.equals(pdfBytes)).toBe(true);

      const xlsx = await federation.get(exportUrl(plan, o.federation));
      const sheet = await upload(federation, url(), [
        { name: 'file', filename: 'tong-hop.xlsx', content: xlsx.rawPayload },
      ]);
      expect(sheet.json().contentType).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    });

    it('refuses other types by their content, and files over 10 MB', async () => {
      const exe = await upload(federation, url(), [
        { name: 'file', filename: 'caidat.exe', content: Buffer.from('MZ\x90\x00 this program') },
      ]);
      expect(exe.statusCode).toBe(400);
      expect(exe.json().error).toMatchObject({
        code: 'plans.attachment_type',
        message: expect.stringContaining('.exe'),
      });
      const disguised = await upload(federation, url(), [
        { name: 'file', filename: 'bien-ban.docx', content: pdfBytes },
      ]);
      expect(disguised.json().error.message).toContain('nội dung là PDF');
      const fake = await upload(federation, url(), [
        { name: 'file', filename: 'anh.png', content: Buffer.from('not really a picture') },
      ]);
      expect(fake.json().error.code).toBe('plans.attachment_type');
      const big = Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]);
      const tooBig = await upload(federation, url(), [{ name: 'file', filename: 'lon.pdf', content: big }]);
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().error).toMatchObject({
        code: 'plans.attachment_too_large',
        message: expect.stringContaining('10 MB'),
      });
      expect((await federation.get(url())).json()).toHaveLength(2);
    });

    it('lets only the issuer attach or remove; another province sees nothing', async () => {
      const clerk = await upload(healthClerk, url(), [
        { name: 'file', filename: 'x.pdf', content: pdfBytes },
      ]);
      expect(clerk.statusCode).toBe(403);
      expect((await healthClerk.del(`${url()}/${attachmentId}`)).statusCode).toBe(403);
      expect((await bacNinh.get(url())).statusCode).toBe(404);
      expect((await bacNinh.get(`${url()}/${attachmentId}`)).statusCode).toBe(404);
      const outsider = await upload(bacNinh, url(), [{ name: 'file', filename: 'x.pdf', content: pdfBytes }]);
      expect(outsider.statusCode).toBe(404);

      expect((await federation.del(`${url()}/${attachmentId}`)).statusCode).toBe(204);
      expect((await federation.get(`${url()}/${attachmentId}`)).statusCode).toBe(404);
      expect((await federation.get(url())).json().map((a: { id: number }) => a.id)).not.toContain(
        attachmentId,
      );
      expect(
        await countRows(
          t.db,
          'audit_log',
          sql`action = 'remove_attachment' AND entity_id = ${String(plan.id)}`,
        ),
      ).toBe(1);
      expect(await countRows(t.db, 'plan_attachments', sql`id = ${attachmentId} AND removed`)).toBe(1);
    });
  });
});
