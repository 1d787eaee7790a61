import { sql } from 'drizzle-orm';
import type { RosterIssue, RosterProgress, RosterResult } from '../../contracts/people.ts';
import { recordAudit } from '../../platform/audit.ts';
import { vnToday } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Db, rows, type Tx } from '../../platform/db/database.ts';
import { type AppError, errors, isAppError } from '../../platform/errors.ts';
import { hasPermission, isWithin, pathInScope, scopeOf } from '../../platform/scope.ts';
import {
  findIdentityMatches,
  insertPeople,
  lockIdentities,
  type PersonWrite,
} from '../people/people.repo.ts';
import { checkPerson, foldName, identityKeys, maskCccd } from '../people/people.rules.ts';
import { auditView, canReveal } from '../people/people.service.ts';
import { classRights } from './classes.service.ts';
import { enrolPeople } from './enrolment.service.ts';
import { defaultLabels, type ParsedRoster, parseRoster, type RosterField } from './roster.parse.ts';
import { trainingErrors } from './training.errors.ts';
import * as repo from './training.repo.ts';

type ClassRow = repo.ClassRow;
type Checked = {
  row: number;
  value: Omit<PersonWrite, 'orgId' | 'orgPath' | 'employerOrgId'>;
  errors: RosterIssue[];
  warnings: string[];
  match: 'new' | 'existing' | 'enrolled' | null;
  personId: number | null;
};

/**
 * Roster import for a class. New people are kept by the class's provider (the body that collects the data to
 * run the class and issue certificates) with the customer enterprise as employer; a customer importing its own
 * staff without rights at the provider keeps them itself. Nothing is written on preview, and a commit with any
 * row in error writes nothing either.
 */
async function loadClass(ctx: Ctx, db: Db | Tx, classId: number, lock = false) {
  const c = await repo.findClass(db, scopeOf(ctx.actor), classId, lock);
  if (!c) throw trainingErrors.classNotFound();
  if (!classRights(ctx, c).enrol) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.classClosed();
  return c;
}

/** Where new people of this import are kept: the provider if the caller manages people there, else the customer. */
function keeperOf(ctx: Ctx, c: ClassRow): { orgId: number; orgPath: string } | null {
  if (hasPermission(ctx.actor, 'person.manage', c.providerPath))
    return { orgId: c.providerOrgId, orgPath: c.providerPath };
  if (c.customerPath && c.customerOrgId && hasPermission(ctx.actor, 'person.manage', c.customerPath))
    return { orgId: c.customerOrgId, orgPath: c.customerPath };
  return null;
}

const issue = (parsed: ParsedRoster, row: number, field: RosterField, message: string): RosterIssue => ({
  row,
  column: parsed.columns[field] ?? defaultLabels[field],
  field,
  message,
  path: `file.row ${row}.${field}`,
});

/** The second row of the same person in the file (same CCCD, or same name + birth date + phone) is an error. */
function markInFileDuplicates(parsed: ParsedRoster, out: Checked[]) {
  const seen = new Map<string, number>();
  for (const r of out) {
    const v = r.value;
    const key = v.cccd
      ? `c:${v.cccd}`
      : v.fullName
        ? `n:${foldName(v.fullName)}|${v.birthDate}|${v.phone}`
        : null;
    if (!key) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else
      r.errors.push(
        issue(parsed, r.row, v.cccd ? 'cccd' : 'fullName', `Trùng với dòng ${first} trong tệp (cùng người)`),
      );
  }
}

/** Field rules and in-file duplicates, row by row in memory. */
function checkRows(ctx: Ctx, parsed: ParsedRoster): Checked[] {
  const today = vnToday(ctx.clock);
  const out: Checked[] = parsed.rows.map((r) => {
    const { value, issues } = checkPerson(r, today);
    const errs = [...r.issues, ...issues].map((i) => issue(parsed, r.row, i.field, i.message));
    if (!r.birthDate && !r.issues.some((i) => i.field === 'birthDate'))
      errs.push(issue(parsed, r.row, 'birthDate', 'Thiếu ngày sinh'));
    return {
      row: r.row,
      value: { ...value, fullName: value.fullName ?? '', jobTitle: r.jobTitle },
      errors: errs,
      warnings: [],
      match: null,
      personId: null,
    };
  });
  markInFileDuplicates(parsed, out);
  return out;
}

/** One query matching every row against the registry, one for who of them is in the class already. */
async function matchRegistry(ctx: Ctx, db: Db | Tx, c: ClassRow, parsed: ParsedRoster, out: Checked[]) {
  const probeRows = out.filter((r) => r.value.fullName && !r.errors.some((e) => e.field === 'cccd'));
  const matches = await findIdentityMatches(
    db,
    scopeOf(ctx.actor),
    probeRows.map((r, key) => ({ key, ...r.value, fullName: r.value.fullName })),
  );
  const enrolled = await enrolledIn(
    db,
    c.id,
    matches.map((m) => m.id),
  );
  const byPerson = new Map<number, number>();
  for (const m of matches) {
    const r = probeRows[m.key]!;
    // enrolPeople accepts people the caller sees, those the provider keeps, and the customer's staff.
    const eligible =
      pathInScope(scopeOf(ctx.actor), m.orgPath) ||
      isWithin(m.orgPath, c.providerPath) ||
      (c.customerOrgId !== null && m.employerOrgId === c.customerOrgId);
    if (!eligible) {
      r.errors.push(
        issue(
          parsed,
          r.row,
          'cccd',
          'Số CCCD này thuộc hồ sơ do đơn vị khác quản lý: liên hệ đơn vị đó để ghi danh',
        ),
      );
      continue;
    }
    const other = byPerson.get(m.id);
    if (other !== undefined) {
      r.errors.push(
        issue(parsed, r.row, 'fullName', `Dòng ${other} và dòng này là cùng một người đã có hồ sơ`),
      );
      continue;
    }
    byPerson.set(m.id, r.row);
    r.personId = m.id;
    r.match = enrolled.has(m.id) ? 'enrolled' : 'existing';
    if (m.matchedBy === 'cccd' && foldName(m.fullName) !== foldName(r.value.fullName))
      r.warnings.push('Số CCCD trùng với hồ sơ đã có nhưng họ tên khác: kiểm tra lại trước khi ghi');
  }
  for (const r of out) if (!r.personId && r.errors.length === 0) r.match = 'new';
  return out;
}

async function analyse(ctx: Ctx, db: Db | Tx, c: ClassRow, parsed: ParsedRoster): Promise<Checked[]> {
  return matchRegistry(ctx, db, c, parsed, checkRows(ctx, parsed));
}

async function enrolledIn(db: Db | Tx, classId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT person_id AS id FROM enrolments
        WHERE class_id = ${classId} AND status <> 'cancelled' AND person_id = ANY(${`{${personIds.join(',')}}`}::int[])`,
  );
  return new Set(got.map((r) => r.id));
}

function fileError(parsed: ParsedRoster): AppError | null {
  if (parsed.fileIssues.length === 0) return null;
  const issues = parsed.fileIssues.map((i) => ({
    row: i.row,
    column: '',
    field: 'file',
    message: i.message,
    path: 'body.file',
  }));
  return errors.badRequest('roster.invalid_file', issues.map((i) => i.message).join('; '), { issues });
}

const rosterInvalid = (issues: RosterIssue[]) =>
  errors.badRequest(
    'roster.invalid',
    `Danh sách có ${issues.length} lỗi: sửa các dòng được báo rồi tải lên lại. Chưa có gì được lưu.`,
    { issues },
  );

/** Called as the import moves on (the route streams it to the browser for large files); awaited. */
export type OnRosterProgress = (p: RosterProgress) => void | Promise<void>;

export async function previewRoster(
  ctx: Ctx,
  classId: number,
  file: Buffer,
  onProgress: OnRosterProgress = () => {},
): Promise<RosterResult> {
  const c = await loadClass(ctx, ctx.db, classId);
  await onProgress({ phase: 'read' });
  const started = performance.now();
  const parsed = await parseRoster(file);
  const parseMs = Math.round(performance.now() - started);
  const bad = fileError(parsed);
  if (bad) throw bad;
  await onProgress({ phase: 'check', total: parsed.rows.length });
  const checked = await analyse(ctx, ctx.db, c, parsed);
  const reveal = canReveal(ctx.actor, c.providerPath);
  const invalid = checked.filter((r) => r.errors.length > 0).length;
  return {
    mode: 'preview',
    classId,
    total: checked.length,
    valid: checked.length - invalid,
    invalid,
    newPeople: checked.filter((r) => r.match === 'new').length,
    existingPeople: checked.filter((r) => r.match === 'existing' || r.match === 'enrolled').length,
    columns: parsed.columns,
    seatsLeft: Math.max(0, c.capacity - c.enrolled),
    issues: checked.flatMap((r) => r.errors),
    rows: checked.map((r) => ({
      row: r.row,
      fullName: r.value.fullName || null,
      birthDate: r.value.birthDate,
      sex: r.value.sex,
      cccd: reveal ? r.value.cccd : maskCccd(r.value.cccd),
      phone: r.value.phone,
      email: r.value.email,
      jobTitle: r.value.jobTitle,
      match: r.match,
      personId: r.personId,
      errors: r.errors,
      warnings: r.warnings,
    })),
    parseMs,
  };
}

/**
 * One audit entry per created person (the person's history shows who registered them, from which import), written
 * like `recordAudit` but in a few statements: an import may create 10,000 people.
 */
async function auditCreated(ctx: Ctx, tx: Tx, classId: number, people: (PersonWrite & { id: number })[]) {
  for (let i = 0; i < people.length; i += 10_000) {
    const entries = people.slice(i, i + 10_000).map(({ orgPath, ...p }) => ({
      entityId: String(p.id),
      orgId: p.orgId,
      orgPath,
      after: { ...auditView(p), source: 'roster_import', classId },
    }));
    await tx.execute(
      sql`INSERT INTO audit_log (actor_user_id, actor_username, ip, user_agent, request_id, action, entity_type,
                                 entity_id, org_id, org_path, after)
          SELECT ${ctx.actor.userId}, ${ctx.actor.username}, ${ctx.meta.ip}, ${ctx.meta.userAgent?.slice(0, 300) ?? null},
                 ${ctx.meta.requestId}, 'create', 'person', e."entityId", e."orgId", e."orgPath"::ltree, e.after
          FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
            AS e("entityId" text, "orgId" int, "orgPath" text, after jsonb)`,
    );
  }
}

export async function commitRoster(
  ctx: Ctx,
  classId: number,
  file: Buffer,
  onProgress: OnRosterProgress = () => {},
): Promise<RosterResult> {
  await loadClass(ctx, ctx.db, classId);
  await onProgress({ phase: 'read' });
  const parsed = await parseRoster(file);
  const bad = fileError(parsed);
  if (bad) throw bad;
  await onProgress({ phase: 'check', total: parsed.rows.length });
  return ctx.db.transaction(async (tx) => {
    // Re-validated inside the transaction: the registry may have changed since the preview. The identity locks
    // make a concurrent registration of the same people (another import, the person form) wait, so the match
    // below sees it and nobody is created twice.
    const c = await loadClass(ctx, tx, classId, true);
    const rowsChecked = checkRows(ctx, parsed);
    await lockIdentities(
      tx,
      rowsChecked.flatMap((r) => identityKeys(r.value)),
    );
    const checked = await matchRegistry(ctx, tx, c, parsed, rowsChecked);
    const issues = checked.flatMap((r) => r.errors);
    if (issues.length) throw rosterInvalid(issues);
    const fresh = checked.filter((r) => r.match === 'new');
    const keeper = keeperOf(ctx, c);
    if (fresh.length && !keeper)
      throw errors.forbidden('Bạn không có quyền thêm người mới vào danh sách của đơn vị tổ chức lớp.');
    const writes: PersonWrite[] = fresh.map((r) => ({
      ...r.value,
      employerOrgId: c.customerOrgId,
      orgId: keeper!.orgId,
      orgPath: keeper!.orgPath,
    }));
    await onProgress({ phase: 'write', done: 0, total: writes.length });
    const ids = await insertPeople(tx, writes, (done) =>
      onProgress({ phase: 'write', done, total: writes.length }),
    );
    fresh.forEach((r, i) => {
      r.personId = ids[i]!;
    });
    await auditCreated(
      ctx,
      tx,
      classId,
      writes.map((w, i) => ({ ...w, id: ids[i]! })),
    );
    const personIds = checked.map((r) => r.personId!);
    await onProgress({ phase: 'enrol', total: personIds.length });
    let outcome: Awaited<ReturnType<typeof enrolPeople>>;
    try {
      outcome = await enrolPeople(ctx, tx, classId, personIds, {
        created: { ids: new Set(ids), names: new Map(writes.map((w, i) => [ids[i]!, w.fullName])) },
      });
    } catch (e) {
      throw rowsOfEnrolError(e, checked, parsed);
    }
    await recordAudit(tx, ctx, {
      action: 'training.roster.import',
      entityType: 'training_class',
      entityId: classId,
      orgId: c.providerOrgId,
      orgPath: c.providerPath,
      after: { rows: checked.length, created: fresh.length, linked: checked.length - fresh.length },
    });
    return {
      mode: 'commit' as const,
      classId,
      total: checked.length,
      created: fresh.length,
      linked: checked.length - fresh.length,
      ...outcome,
    };
  });
}

/** enrolPeople names people by `body.personIds.N`: point those issues at the file's rows instead. */
function rowsOfEnrolError(e: unknown, checked: Checked[], parsed: ParsedRoster): unknown {
  if (!isAppError(e) || e.code !== 'validation_failed') return e;
  const list = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  const issues = list.map((i) => {
    const n = /personIds\.(\d+)/.exec(i.path);
    const r = n ? checked[Number(n[1])] : undefined;
    return r
      ? issue(parsed, r.row, 'fullName', i.message)
      : { row: 0, column: '', field: 'file', message: i.message, path: 'body.file' };
  });
  return rosterInvalid(issues);
}
