import type { RosterProgress, RosterResult } from '../../../contracts/people.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import {
  auditView,
  canReveal,
  findIdentityMatches,
  foldName,
  identityDecision,
  identityKeys,
  insertPeople,
  linkPeople,
  lockIdentities,
  maskCccd,
  type PersonWrite,
} from '../../people/index.ts';
import * as classes from '../classes/classes.repo.ts';
import { enrolPeople } from '../enrolment/enrolment.service.ts';
import { trainingErrors } from '../training.errors.ts';
import { classCan, rosterKeeper } from '../training.policy.ts';
import { type ParsedRoster, parseRoster } from './roster.parse.ts';
import * as repo from './roster.repo.ts';
import {
  type Checked,
  checkRows,
  fileError,
  issue,
  rosterInvalid,
  rowsOfEnrolError,
} from './roster.rules.ts';

type ClassRow = classes.ClassRow;

/**
 * Roster import for a class. New people are kept by the class's provider (the body that collects the data to
 * run the class and issue certificates) with the customer enterprise as employer; a customer importing its own
 * staff without rights at the provider keeps them itself. Nothing is written on preview, and a commit with any
 * row in error writes nothing either.
 */
async function loadClass(ctx: Ctx, db: Db | Tx, classId: number, lock = false) {
  const c = await classes.findClass(db, scopeOf(ctx.actor), classId, lock);
  if (!c) throw trainingErrors['class.not_found']();
  if (!classCan(ctx.actor, c).enrol) throw errors.forbidden();
  if (c.status === 'completed' || c.status === 'cancelled') throw trainingErrors.class_closed();
  return c;
}

/** One query matching every row against the registry, one for who of them is in the class already. */
async function matchRegistry(ctx: Ctx, db: Db | Tx, c: ClassRow, parsed: ParsedRoster, out: Checked[]) {
  const probeRows = out.filter((r) => r.value.fullName && !r.errors.some((e) => e.field === 'cccd'));
  const matches = await findIdentityMatches(
    db,
    scopeOf(ctx.actor),
    probeRows.map((r, key) => ({ key, ...r.value, fullName: r.value.fullName })),
  );
  const enrolled = await repo.enrolledIn(
    db,
    c.id,
    matches.filter((m) => m.visible).map((m) => m.id),
  );
  const byPerson = new Map<number, number>();
  for (const m of matches) {
    const r = probeRows[m.key]!;
    // The person form's rule (people's identityDecision): a person the caller sees is used; one it does not see
    // is linked when the row matches them, or refused with a message that says nothing about them.
    const decision = identityDecision(r.value, m);
    if (decision === 'conflict') {
      r.errors.push(
        issue(
          parsed,
          r.row,
          'cccd',
          'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD',
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
    if (decision === 'link') {
      // Not visible yet: the preview names no id (the commit links the keeper, then enrols).
      r.linkTo = m.id;
      r.match = 'existing';
      continue;
    }
    r.personId = m.id;
    r.match = enrolled.has(m.id) ? 'enrolled' : 'existing';
    if (m.matchedBy === 'cccd' && foldName(m.fullName) !== foldName(r.value.fullName))
      r.warnings.push('Số CCCD trùng với hồ sơ đã có nhưng họ tên khác: kiểm tra lại trước khi ghi');
  }
  for (const r of out) if (!r.personId && !r.linkTo && r.errors.length === 0) r.match = 'new';
  return out;
}

async function analyse(ctx: Ctx, db: Db | Tx, c: ClassRow, parsed: ParsedRoster): Promise<Checked[]> {
  return matchRegistry(ctx, db, c, parsed, checkRows(parsed, vnToday(ctx.clock)));
}

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

/** One audit entry per created person: the person's history shows who registered them, from which import. */
async function auditCreated(ctx: Ctx, tx: Tx, classId: number, people: (PersonWrite & { id: number })[]) {
  for (let i = 0; i < people.length; i += 10_000) {
    const entries = people.slice(i, i + 10_000).map(({ orgPath, ...p }) => ({
      entityId: String(p.id),
      orgId: p.orgId,
      orgPath,
      after: { ...auditView(p), source: 'roster_import', classId },
    }));
    await repo.insertPersonAudits(tx, ctx, entries);
  }
}

/**
 * Links the keeper (`rosterKeeper`, purpose 'training') to the rows matching people it did not see, one audit
 * entry per person, so they become visible to it and may be enrolled.
 */
async function linkMatched(ctx: Ctx, tx: Tx, c: ClassRow, matched: Checked[]) {
  if (matched.length === 0) return;
  const keeper = rosterKeeper(ctx.actor, c);
  if (!keeper)
    throw errors.forbidden('Bạn không có quyền thêm người mới vào danh sách của đơn vị tổ chức lớp.');
  const since = vnToday(ctx.clock);
  await linkPeople(
    tx,
    matched.map((r) => ({ personId: r.linkTo!, ...keeper, purpose: 'training' as const, since })),
  );
  await repo.insertPersonAudits(
    tx,
    ctx,
    matched.map((r) => ({
      entityId: String(r.linkTo),
      orgId: keeper.orgId,
      orgPath: keeper.orgPath,
      after: { orgId: keeper.orgId, purpose: 'training', source: 'roster_import', classId: c.id },
    })),
    'link',
  );
  for (const r of matched) r.personId = r.linkTo!;
}

/** Registers the rows new to the registry (kept by `rosterKeeper`), audited one entry per person. */
async function registerNew(ctx: Ctx, tx: Tx, c: ClassRow, fresh: Checked[], onProgress: OnRosterProgress) {
  const keeper = rosterKeeper(ctx.actor, c);
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
    c.id,
    writes.map((w, i) => ({ ...w, id: ids[i]! })),
  );
  return { ids, writes };
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
    const rowsChecked = checkRows(parsed, vnToday(ctx.clock));
    await lockIdentities(
      tx,
      rowsChecked.flatMap((r) => identityKeys(r.value)),
    );
    const checked = await matchRegistry(ctx, tx, c, parsed, rowsChecked);
    const issues = checked.flatMap((r) => r.errors);
    if (issues.length) throw rosterInvalid(issues);
    const fresh = checked.filter((r) => r.match === 'new');
    await linkMatched(
      ctx,
      tx,
      c,
      checked.filter((r) => r.linkTo !== undefined),
    );
    const { ids, writes } = await registerNew(ctx, tx, c, fresh, onProgress);
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
