import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildOrg } from '../../../../test/helpers/factories.ts';
import { multipart } from '../../../../test/helpers/multipart.ts';
import {
  countRows,
  createTestApp,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { rows } from '../../../platform/db/database.ts';
import { headerField, parseBirthDate, parseCccd, parsePhone } from './roster.parse.ts';
import { rosterLine, rosterWorkbook, sampleWorkers } from './roster.sample.ts';

type Cell = string | number | Date | null;

/** A roster as an enterprise sends it: a title, a blank line, then Vietnamese headers on row 3. */
async function rosterFile(lines: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH NGƯỜI LAO ĐỘNG THAM GIA TẬP HUẤN SƠ CẤP CỨU']);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Họ và tên',
    'Ngày, tháng, năm sinh',
    'Giới tính',
    'Số CCCD',
    'SĐT',
    'Chức vụ/Công việc',
  ]);
  lines.forEach((l, i) => {
    const row = ws.addRow([i + 1, ...l]);
    if (l[1] instanceof Date) row.getCell(3).numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('roster parsing', () => {
  it('recognises the usual Vietnamese headers', () => {
    expect(headerField('Họ và tên')).toBe('fullName');
    expect(headerField('HỌ TÊN NGƯỜI LAO ĐỘNG')).toBe('fullName');
    expect(headerField('Ngày tháng năm sinh')).toBe('birthDate');
    expect(headerField('Số CCCD/CMND')).toBe('cccd');
    expect(headerField('Số điện thoại')).toBe('phone');
    expect(headerField('Chức vụ')).toBe('jobTitle');
    expect(headerField('Tên đơn vị')).toBeNull();
    expect(headerField('DANH SÁCH HỌC VIÊN')).toBeNull();
  });

  it('reads dates, CCCDs and phones the way Excel mangles them', () => {
    expect(parseBirthDate(utc(1990, 5, 7)).value).toBe('1990-05-07');
    expect(parseBirthDate('7/5/1990').value).toBe('1990-05-07');
    expect(parseBirthDate(32999).value).toBe('1990-05-06');
    expect(parseBirthDate('31/02/1990').issue).toBe('Ngày sinh 31/02/1990 không tồn tại');
    expect(parseBirthDate(1990).issue).toMatch(/không chỉ năm sinh/);
    expect(parseCccd(27090012345)).toBe('027090012345');
    expect(parseCccd(1090012345)).toBe('001090012345');
    expect(parseCccd('027 090 012')).toBe('027090012');
    expect(parsePhone(912345678)).toBe('0912345678');
    expect(parsePhone('84912345678')).toBe('0912345678');
  });
});

/** Seed 000: the Humanitarian Services Center imports an enterprise's roster for a first-aid class. */
describe('roster import for a class', () => {
  let t: TestApp;
  let center: BuiltOrg;
  let enterprise: BuiltOrg;
  let provider: Session;
  let viewer: Session;
  let classId: number;
  const url = () => `/api/training/classes/${classId}/roster`;
  const send = (s: Session, content: Buffer, mode?: string) =>
    s.request({
      method: 'POST',
      url: url(),
      ...multipart([...(mode ? [{ name: 'mode', value: mode }] : []), { name: 'file', content }]),
    });

  beforeAll(async () => {
    t = await createTestApp('2026-05-04T08:00:00Z');
    const redCross = await buildOrg(t.db, { name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh', kind: 'red_cross' });
    center = await buildOrg(t.db, {
      parent: redCross,
      name: 'Trung tâm Dịch vụ Nhân đạo',
      kind: 'service_centre',
    });
    enterprise = await buildOrg(t.db, { name: 'Công ty TNHH Điện tử Quế Võ', kind: 'enterprise' });
    provider = await loginAs(t, center, 'org_admin');
    viewer = await loginAs(t, center, 'viewer');
    const [course] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM course_types WHERE code = 'SCC_NLD'`,
    );
    const [cls] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO training_classes (code, provider_org_id, provider_path, customer_org_id, course_type_id, title, capacity)
          VALUES ('SCC-01', ${center.id}, ${center.path}::ltree, ${enterprise.id}, ${course!.id},
                  'Sơ cấp cứu cho người lao động — lớp 1', 30) RETURNING id`,
    );
    classId = cls!.id;
    // A worker trained before: the roster links to this record instead of creating a second one.
    const existing = await provider.post('/api/people', {
      fullName: 'Hoàng Văn Em',
      birthDate: '1985-03-15',
      sex: 'male',
      cccd: '024085000777',
      orgId: center.id,
    });
    expect(existing.statusCode, existing.body).toBe(201);
  });

  const badLines: Cell[][] = [
    ['Nguyễn Văn An', utc(1990, 5, 7), 'Nam', 27090012345, 912345678, 'Công nhân'],
    ['Trần Thị Bình', '03/02/1995', 'Nữ', '027195000222', '0987654321', 'Tổ trưởng'],
    ['Lê Văn Cường', '08/08/1988', 'Nam', '027088111', '0977111222', 'Công nhân'],
    ['Phạm Thị Dung', null, 'Nữ', '027192000444', '0911000111', 'Công nhân'],
    ['Trần Thị Bình', '03/02/1995', 'Nữ', '027195000222', '0987654321', 'Tổ trưởng'],
    ['Hoàng Văn Em', '15/03/1985', 'Nam', '024085000777', null, 'Bảo vệ'],
  ];

  it('previews row by row: a 9-digit CCCD, a missing birth date and an in-file duplicate, nothing written', async () => {
    const people = await countRows(t.db, 'people');
    const res = await send(provider, await rosterFile(badLines), 'preview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      mode: 'preview',
      total: 6,
      valid: 3,
      invalid: 3,
      newPeople: 2,
      existingPeople: 1,
    });
    expect(
      body.issues.map((i: { row: number; column: string; message: string }) => [i.row, i.column, i.message]),
    ).toEqual([
      [
        6,
        'Số CCCD',
        'Số CCCD phải gồm đúng 12 chữ số (đang có 9) — đây có thể là số CMND cũ 9 số; hãy ghi số CCCD 12 số',
      ],
      [7, 'Ngày, tháng, năm sinh', 'Thiếu ngày sinh'],
      [8, 'Số CCCD', 'Trùng với dòng 5 trong tệp (cùng người)'],
    ]);
    expect(body.rows[0]).toMatchObject({
      row: 4,
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-05-07',
      sex: 'male',
      cccd: '027090012345', // the provider's admin holds person.sensitive
      phone: '0912345678',
      match: 'new',
    });
    expect(body.rows[5]).toMatchObject({ row: 9, match: 'existing', personId: expect.any(Number) });
    expect(await countRows(t.db, 'people')).toBe(people);
    expect(await countRows(t.db, 'enrolments')).toBe(0);
  });

  it('refuses to commit a file with errors, writing nothing', async () => {
    const people = await countRows(t.db, 'people');
    const res = await send(provider, await rosterFile(badLines), 'commit');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('roster.invalid');
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'file.row 6.cccd',
      'file.row 7.birthDate',
      'file.row 8.cccd',
    ]);
    expect(await countRows(t.db, 'people')).toBe(people);
    expect(await countRows(t.db, 'enrolments')).toBe(0);
  });

  it('commits the fixed file: creates the new people, links the known one and enrols all', async () => {
    const fixed = badLines.slice(0, 4).concat([badLines[5]!]);
    fixed[2] = ['Lê Văn Cường', '08/08/1988', 'Nam', '027088000111', '0977111222', 'Công nhân'];
    fixed[3] = ['Phạm Thị Dung', '01/01/1992', 'Nữ', '027192000444', '0911000111', 'Công nhân'];
    const file = await rosterFile(fixed);
    const preview = (await send(provider, file, 'preview')).json();
    expect(preview).toMatchObject({ invalid: 0, newPeople: 4, existingPeople: 1 });
    const res = await send(provider, file, 'commit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mode: 'commit',
      total: 5,
      created: 4,
      linked: 1,
      waitlisted: [],
      alreadyIn: [],
    });
    expect(res.json().enrolled).toHaveLength(5);
    const created = await rows<{ full_name: string; employer_org_id: number; org_id: number }>(
      t.db,
      sql`SELECT full_name, employer_org_id, org_id FROM people WHERE cccd = '027090012345'`,
    );
    expect(created).toEqual([
      { full_name: 'Nguyễn Văn An', employer_org_id: enterprise.id, org_id: center.id },
    ]);
    expect(await countRows(t.db, 'enrolments', sql`class_id = ${classId} AND status = 'enrolled'`)).toBe(5);
    expect(await countRows(t.db, 'audit_log', sql`after::text LIKE '%027090012345%'`)).toBe(0);
    // The same file again: everyone is recognised as already in the class.
    const again = (await send(provider, file, 'preview')).json();
    expect(again.rows.map((r: { match: string }) => r.match)).toEqual(Array(5).fill('enrolled'));
  });

  it('creates each new person once when two imports of them run at once (by CCCD, or name + birth + phone)', async () => {
    const [course] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM course_types WHERE code = 'SCC_NLD'`,
    );
    const classes: number[] = [];
    for (const code of ['SCC-A', 'SCC-B']) {
      const [k] = await rows<{ id: number }>(
        t.db,
        sql`INSERT INTO training_classes (code, provider_org_id, provider_path, customer_org_id, course_type_id, title, capacity)
            VALUES (${code}, ${center.id}, ${center.path}::ltree, ${enterprise.id}, ${course!.id}, ${code}, 30) RETURNING id`,
      );
      classes.push(k!.id);
    }
    const file = await rosterFile([
      ['Đinh Thị Lụa', '12/12/1991', 'Nữ', '027191000555', '0966000555', 'Công nhân'],
      ['Tạ Văn Khoa', '02/03/1989', 'Nam', null, '0966000666', 'Công nhân'],
    ]);
    const people = await countRows(t.db, 'people');
    const [a, b] = await Promise.all(
      classes.map((id) =>
        provider.request({
          method: 'POST',
          url: `/api/training/classes/${id}/roster`,
          ...multipart([
            { name: 'mode', value: 'commit' },
            { name: 'file', content: file },
          ]),
        }),
      ),
    );
    expect([a!.statusCode, b!.statusCode], `${a!.body} ${b!.body}`).toEqual([200, 200]);
    expect([a!.json().created, b!.json().created].sort()).toEqual([0, 2]);
    expect(await countRows(t.db, 'people')).toBe(people + 2);
    for (const id of classes)
      expect(await countRows(t.db, 'enrolments', sql`class_id = ${id} AND status = 'enrolled'`)).toBe(2);
  });

  it('streams its progress when asked (NDJSON): read, check, write in batches, enrol, then the result or the errors', async () => {
    const [course] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM course_types WHERE code = 'SCC_NLD'`,
    );
    const [k] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO training_classes (code, provider_org_id, provider_path, customer_org_id, course_type_id, title, capacity)
          VALUES ('SCC-LON', ${center.id}, ${center.path}::ltree, ${enterprise.id}, ${course!.id}, 'Lớp đông', 30) RETURNING id`,
    );
    const stream = (s: Session, content: Buffer) => {
      const body = multipart([
        { name: 'mode', value: 'commit' },
        { name: 'file', content },
      ]);
      return s.request({
        method: 'POST',
        url: `/api/training/classes/${k!.id}/roster`,
        payload: body.payload,
        headers: { ...body.headers, accept: 'application/x-ndjson' },
      });
    };
    const lines = (body: string) =>
      body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
    // Refused before any work: an ordinary error response.
    const refused = await stream(viewer, await rosterFile(badLines));
    expect([refused.statusCode, refused.headers['content-type']]).toEqual([
      403,
      expect.stringContaining('json'),
    ]);
    // Errors found while checking: the last line, and nothing written.
    const people = await countRows(t.db, 'people');
    const bad = await stream(provider, await rosterFile(badLines));
    expect(bad.statusCode).toBe(200);
    expect(bad.headers['content-type']).toContain('application/x-ndjson');
    const badOut = lines(bad.body);
    expect(badOut.slice(0, -1)).toEqual([
      { progress: { phase: 'read' } },
      { progress: { phase: 'check', total: 6 } },
    ]);
    expect(badOut.at(-1).error).toMatchObject({
      code: 'roster.invalid',
      details: { issues: expect.any(Array) },
    });
    expect(await countRows(t.db, 'people')).toBe(people);
    // A large file: the people are written in batches of 2,500.
    const workers = sampleWorkers(2600, 42, 600_000, '2026-05-04');
    const ok = await stream(provider, await rosterWorkbook(workers.map(rosterLine)));
    const okLines = lines(ok.body);
    expect(okLines.slice(0, -1)).toEqual([
      { progress: { phase: 'read' } },
      { progress: { phase: 'check', total: 2600 } },
      { progress: { phase: 'write', done: 0, total: 2600 } },
      { progress: { phase: 'write', done: 2500, total: 2600 } },
      { progress: { phase: 'write', done: 2600, total: 2600 } },
      { progress: { phase: 'enrol', total: 2600 } },
    ]);
    expect(okLines.at(-1).result).toMatchObject({ mode: 'commit', created: 2600, total: 2600 });
    expect(await countRows(t.db, 'people')).toBe(people + 2600);
  }, 120_000);

  it('links people another keeper registered when the row matches them, and refuses a clash without naming them', async () => {
    // Kept by an enterprise the centre does not see: one with a CCCD, one without.
    const elsewhere = await buildOrg(t.db, { name: 'Công ty CP May Yên Phong', kind: 'enterprise' });
    const [kept] = await rows<{ id: number }>(
      t.db,
      sql`INSERT INTO people (full_name, birth_date, sex, cccd, org_id, org_path)
          VALUES ('Đinh Văn Giàu', '1991-02-03', 'male', '027091000999', ${elsewhere.id}, ${elsewhere.path}::ltree),
                 ('Mai Thị Hạnh', '1993-04-05', 'female', NULL, ${elsewhere.id}, ${elsewhere.path}::ltree)
          RETURNING id`,
    );
    const [hanh] = await rows<{ id: number }>(
      t.db,
      sql`SELECT id FROM people WHERE full_name = 'Mai Thị Hạnh'`,
    );
    await t.db.execute(sql`UPDATE people SET phone = '0933444555' WHERE id = ${hanh!.id}`);
    const clash = await send(
      provider,
      await rosterFile([['Ngô Văn Khác', '03/02/1991', 'Nam', '027091000999', null, 'Công nhân']]),
      'preview',
    );
    const row = clash.json().rows[0];
    expect(row.errors.map((e: { message: string }) => e.message)).toEqual([
      'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD',
    ]);
    expect(row.personId).toBeNull();
    for (const leak of ['Đinh Văn Giàu', 'May Yên Phong', 'đơn vị khác'])
      expect(clash.body).not.toContain(leak);
    const matching = await rosterFile([
      ['ĐINH VĂN GIÀU', '03/02/1991', 'Nam', '027091000999', null, 'Công nhân'],
      ['Mai Thị Hạnh', '05/04/1993', 'Nữ', null, '0933444555', 'Công nhân'],
    ]);
    const preview = (await send(provider, matching, 'preview')).json();
    expect(preview).toMatchObject({ invalid: 0, newPeople: 0, existingPeople: 2 });
    expect(preview.rows.map((r: { personId: number | null }) => r.personId)).toEqual([null, null]);
    const res = await send(provider, matching, 'commit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, linked: 2 });
    expect([...res.json().enrolled].sort()).toEqual([kept!.id, hanh!.id].sort());
    expect(
      await countRows(
        t.db,
        'person_links',
        sql`org_id = ${center.id} AND purpose = 'training' AND person_id IN (${kept!.id}, ${hanh!.id})`,
      ),
    ).toBe(2);
    expect(await countRows(t.db, 'people', sql`full_name IN ('Đinh Văn Giàu', 'Mai Thị Hạnh')`)).toBe(2);
  });

  it('needs a right to enrol in the class', async () => {
    const res = await send(viewer, await rosterFile(badLines), 'preview');
    expect(res.statusCode).toBe(403);
  });

  it('offers a template that the import reads back', async () => {
    const res = await provider.get('/api/training/roster-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('B4').value = 'Vũ Thị Giang';
    ws.getCell('C4').value = utc(1999, 9, 9);
    ws.getCell('D4').value = 'Nữ';
    ws.getCell('E4').value = '027199000999';
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = (await send(provider, filled)).json();
    expect(preview).toMatchObject({ total: 1, valid: 1, newPeople: 1 });
    expect(preview.rows[0]).toMatchObject({
      fullName: 'Vũ Thị Giang',
      birthDate: '1999-09-09',
      sex: 'female',
    });
  });

  it('parses and previews a 10,000-row roster, and refuses one row more', async () => {
    const lines: Cell[][] = [];
    for (let i = 0; i < 10_000; i++) {
      const female = i % 2 === 1;
      const year = 1970 + (i % 35);
      const seq = String(i).padStart(6, '0');
      lines.push([
        `Người Lao Động ${'ABCDEFGHIK'[i % 10]}${'ABCDEFGHIK'[Math.floor(i / 10) % 10]} Thứ ${'ABCDEFGHIK'[Math.floor(i / 100) % 10]}${'ABCDEFGHIK'[Math.floor(i / 1000) % 10]}`,
        utc(year, 1 + (i % 12), 1 + (i % 28)),
        female ? 'Nữ' : 'Nam',
        `027${(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}${String(year).slice(2)}${seq}`,
        `09${String(i).padStart(8, '0')}`,
        'Công nhân',
      ]);
    }
    const file = await rosterFile(lines);
    const started = performance.now();
    const res = await send(provider, file, 'preview');
    const ms = Math.round(performance.now() - started);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const body = res.json();
    console.log(
      `[roster] 10,000-row preview: ${ms} ms total (${body.parseMs} ms reading the workbook), ${(file.length / 1024).toFixed(0)} KB`,
    );
    // Every Vietnamese name arrives intact (ExcelJS's streaming reader garbles some: see roster.parse.ts).
    expect(body.rows.map((r: { fullName: string }) => r.fullName)).toEqual(lines.map((l) => l[0]));
    expect(body).toMatchObject({ total: 10_000, invalid: 0, newPeople: 10_000 });
    // The commit writes all of it in one transaction: the people (an audit entry each) and their places, the
    // seats left taken in file order and the rest waitlisted in file order. (An identity lock and a booking lock
    // per person, 20,000 of them, overflow a default PostgreSQL's lock table: the locks are per bucket.)
    const people = await countRows(t.db, 'people');
    const audited = await countRows(t.db, 'audit_log', sql`entity_type = 'person' AND action = 'create'`);
    const seats =
      30 - (await countRows(t.db, 'enrolments', sql`class_id = ${classId} AND status = 'enrolled'`));
    const committed = await send(provider, file, 'commit');
    expect(committed.statusCode, committed.body.slice(0, 500)).toBe(200);
    const done = committed.json();
    expect(done).toMatchObject({ created: 10_000, linked: 0 });
    expect(done.enrolled).toHaveLength(seats);
    expect(done.waitlisted).toHaveLength(10_000 - seats);
    expect(await countRows(t.db, 'people')).toBe(people + 10_000);
    expect(await countRows(t.db, 'audit_log', sql`entity_type = 'person' AND action = 'create'`)).toBe(
      audited + 10_000,
    );
    const [firstWaiting] = await rows<{ cccd: string }>(
      t.db,
      sql`SELECT p.cccd FROM enrolments e JOIN people p ON p.id = e.person_id
          WHERE e.class_id = ${classId} AND e.status = 'waitlisted' ORDER BY e.waitlisted_at, e.id LIMIT 1`,
    );
    expect(firstWaiting!.cccd).toBe(lines[seats]![3]);
    const tooMany = await rosterFile([...lines, lines[0]!]);
    const refused = await send(provider, tooMany, 'preview');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'roster.invalid_file' });
    expect(refused.json().error.message).toMatch(/hơn 10\.000 dòng/);
  }, 120_000);
});
