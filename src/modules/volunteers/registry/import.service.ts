import type {
  VolunteerImportProgress,
  VolunteerImportResult,
} from '../../../contracts/volunteers/registry-import.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { recordAuditBatch } from '../../../platform/audit-batch.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { hasPermission, type Scope, scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import {
  auditView,
  findIdentityMatches,
  identityDecision,
  identityKeys,
  insertPeople,
  linkPeople,
  lockIdentities,
  maskCccd,
} from '../../people/index.ts';
import { type ParsedVolunteers, parseVolunteers } from './import.parse.ts';
import * as importRepo from './import.repo.ts';
import { type CheckedRow, checkRows, issue, provinceIndex } from './import.rules.ts';
import { registryErrors } from './registry.errors.ts';
import * as repo from './registry.repo.ts';

/**
 * The volunteer list import, as the training roster's: preview writes nothing; commit reads the file again and
 * re-runs every check inside its transaction under the identity locks, then writes all rows or none. A person
 * already in this registry is skipped (a list sent again); others are linked or registered by the people rules.
 */
export type OnImportProgress = (p: VolunteerImportProgress) => void | Promise<void>;
type Org = { id: number; path: string; name: string };

async function loadOrg(ctx: Ctx, orgId: number): Promise<Org> {
  const org = await orgForField(ctx.db, scopeOf(ctx.actor), orgId, 'body.orgId');
  if (!hasPermission(ctx.actor, 'volunteer.manage', org.path)) throw errors.forbidden();
  return org;
}

async function read(file: Buffer, onProgress: OnImportProgress) {
  await onProgress({ phase: 'read' });
  const parsed = await parseVolunteers(file);
  if (parsed.fileIssues.length) {
    const issues = parsed.fileIssues.map((i) => ({
      row: i.row,
      column: '',
      field: 'file',
      message: i.message,
      path: 'body.file',
    }));
    throw registryErrors.import_file({ issues });
  }
  await onProgress({ phase: 'check', total: parsed.rows.length });
  return parsed;
}

async function analyse(ctx: Ctx, db: Db | Tx, scope: Scope, org: Org, parsed: ParsedVolunteers) {
  const province = provinceIndex(await importRepo.currentProvinces(db));
  const checked = checkRows(parsed, vnToday(ctx.clock), province);
  const probes = checked.filter((r) => r.person.fullName && !r.errors.some((e) => e.field === 'cccd'));
  const matches = await findIdentityMatches(
    db,
    scope,
    probes.map((r, key) => ({ key, ...r.person })),
  );
  const registered = await importRepo.registeredAt(
    db,
    org.id,
    matches.map((m) => m.id),
  );
  const byPerson = new Map<number, number>();
  for (const m of matches) {
    const r = probes[m.key]!;
    const decision = identityDecision(r.person, m);
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
    if (registered.has(m.id)) {
      r.match = 'registered';
      r.personId = m.id;
      r.warnings.push('Đã có trong sổ tình nguyện viên của đơn vị: bỏ qua dòng này');
    } else if (decision === 'link') {
      r.linkTo = m.id;
      r.match = 'existing';
    } else {
      r.personId = m.id;
      r.match = 'existing';
    }
  }
  for (const r of checked) if (!r.match && r.errors.length === 0) r.match = 'new';
  return checked;
}

export async function previewImport(
  ctx: Ctx,
  orgId: number,
  file: Buffer,
  onProgress: OnImportProgress = () => {},
): Promise<VolunteerImportResult> {
  const org = await loadOrg(ctx, orgId);
  const parsed = await read(file, onProgress);
  const checked = await analyse(ctx, ctx.db, scopeOf(ctx.actor), org, parsed);
  const invalid = checked.filter((r) => r.errors.length > 0).length;
  const count = (m: CheckedRow['match']) => checked.filter((r) => r.match === m).length;
  return {
    mode: 'preview' as const,
    orgId: org.id,
    total: checked.length,
    valid: checked.length - invalid,
    invalid,
    newPeople: count('new'),
    existingPeople: count('existing'),
    alreadyRegistered: count('registered'),
    columns: parsed.columns as Record<string, string>,
    issues: checked.flatMap((r) => r.errors),
    rows: checked.map((r) => ({
      row: r.row,
      fullName: r.person.fullName || null,
      birthDate: r.person.birthDate,
      sex: r.person.sex,
      cccd: maskCccd(r.person.cccd),
      phone: r.person.phone,
      group: r.parsed.group,
      skills: r.parsed.skills,
      ready: r.parsed.ready,
      match: r.match,
      errors: r.errors,
      warnings: r.warnings,
    })),
  } satisfies VolunteerImportResult;
}

/** Registers the new people, links the matched ones ('institution'), each audited. */
async function writePeople(ctx: Ctx, tx: Tx, org: Org, rowsIn: CheckedRow[], onProgress: OnImportProgress) {
  const today = vnToday(ctx.clock);
  const fresh = rowsIn.filter((r) => r.match === 'new');
  const writes = fresh.map((r) => ({
    ...r.person,
    jobTitle: null,
    employerOrgId: null,
    orgId: org.id,
    orgPath: org.path,
  }));
  await onProgress({ phase: 'write', done: 0, total: rowsIn.length });
  const ids = await insertPeople(tx, writes, (done) =>
    onProgress({ phase: 'write', done, total: rowsIn.length }),
  );
  fresh.forEach((r, i) => {
    r.personId = ids[i]!;
  });
  for (const r of rowsIn) if (r.linkTo) r.personId = r.linkTo;
  await linkPeople(
    tx,
    rowsIn.map((r) => ({
      personId: r.personId!,
      orgId: org.id,
      orgPath: org.path,
      purpose: 'institution' as const,
      since: today,
    })),
  );
  const at = { orgId: org.id, orgPath: org.path };
  await recordAuditBatch(tx, ctx, [
    ...writes.map(({ orgPath: _p, ...w }, i) => ({
      action: 'create',
      entityType: 'person',
      entityId: String(ids[i]),
      entityLabel: w.fullName,
      ...at,
      after: { ...auditView(w), source: 'volunteer_import' },
    })),
    ...rowsIn.map((r) => ({
      action: 'link',
      entityType: 'person',
      entityId: String(r.personId),
      entityLabel: r.person.fullName,
      ...at,
      after: { orgId: org.id, purpose: 'institution', source: 'volunteer_import' },
    })),
  ]);
  return fresh.length;
}

export async function commitImport(
  ctx: Ctx,
  orgId: number,
  file: Buffer,
  onProgress: OnImportProgress = () => {},
): Promise<VolunteerImportResult> {
  await loadOrg(ctx, orgId);
  const parsed = await read(file, onProgress);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrg({ ...ctx, db: tx } as Ctx, orgId);
    const scope = scopeOf(ctx.actor);
    const province = provinceIndex(await importRepo.currentProvinces(tx));
    await lockIdentities(
      tx,
      checkRows(parsed, vnToday(ctx.clock), province).flatMap((r) => identityKeys(r.person)),
    );
    const checked = await analyse(ctx, tx, scope, org, parsed);
    const issues = checked.flatMap((r) => r.errors);
    if (issues.length) throw registryErrors.import_invalid({ count: issues.length }, { issues });
    const todo = checked.filter((r) => r.match !== 'registered');
    const newPeople = await writePeople(ctx, tx, org, todo, onProgress);
    const today = vnToday(ctx.clock);
    const by = ctx.actor?.userId ?? null;
    const profileIds = await repo.insertProfiles(
      tx,
      todo.map((r) => ({
        personId: r.personId!,
        orgId: org.id,
        orgPath: org.path,
        group: r.parsed.group!,
        faculty: r.parsed.faculty,
        studyYear: r.parsed.studyYear,
        profession: r.parsed.profession,
        languages: [],
        homeProvinceCode: r.homeProvinceCode,
        readyDeclaredOn: r.parsed.ready ? today : null,
        consentContact: false,
        consentOn: null,
        note: null,
        status: r.parsed.ready ? ('ready' as const) : ('registered' as const),
        statusSince: today,
      })),
      by,
    );
    await repo.addSkills(
      tx,
      todo.flatMap((r, i) => r.parsed.skills.map((skill) => ({ profileId: profileIds[i]!, skill }))),
    );
    await recordAuditBatch(
      tx,
      ctx,
      todo.map((r, i) => ({
        action: 'create',
        entityType: 'volunteer_profile',
        entityId: String(profileIds[i]),
        entityLabel: r.person.fullName,
        orgId: org.id,
        orgPath: org.path,
        after: {
          personId: r.personId,
          group: r.parsed.group,
          skills: r.parsed.skills,
          source: 'volunteer_import',
        },
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'volunteers.import',
      entityType: 'volunteer_import',
      entityId: null,
      orgId: org.id,
      orgPath: org.path,
      after: { rows: checked.length, created: todo.length, newPeople, skipped: checked.length - todo.length },
    });
    return {
      mode: 'commit' as const,
      orgId: org.id,
      total: checked.length,
      created: todo.length,
      newPeople,
      linked: todo.length - newPeople,
      skipped: checked.length - todo.length,
    } satisfies VolunteerImportResult;
  });
}
