import { volunteerIssues } from '../../../contracts/volunteers/common.ts';
import type { CreateVolunteerBody } from '../../../contracts/volunteers/registry.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import {
  auditView,
  checkPerson,
  findIdentityMatches,
  findPeopleInScope,
  identityDecision,
  identityKeys,
  insertPeople,
  linkPeople,
  lockIdentities,
} from '../../people/index.ts';
import { isAdult } from './registry.rules.ts';

type Org = { id: number; path: string };

/** The refusal of the person form for a CCCD held by someone the caller does not see: nothing about them. */
export const identityConflict = () =>
  errors.conflict(
    'people.identity_conflict',
    'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
  );

const underAge = (path: string) => errors.validation([{ path, message: volunteerIssues.under_age }]);

/**
 * The person a new profile is for, on the shared registry: an existing person the caller sees (by id), or the
 * person typed in the form — matched by the people module's identity rules: the person the caller already sees is
 * used, a stored identity it does not see is linked when what was typed agrees with it, otherwise refused without
 * details. Either way the institution keeps the person with purpose 'institution'. Volunteers are 18 or older.
 */
export async function registerPerson(
  ctx: Ctx,
  tx: Tx,
  scope: Scope,
  org: Org,
  body: Pick<CreateVolunteerBody, 'personId' | 'person'>,
): Promise<number> {
  const today = vnToday(ctx.clock);
  const link = async (personId: number, matchedBy?: string) => {
    await linkPeople(tx, [
      { personId, orgId: org.id, orgPath: org.path, purpose: 'institution', since: today },
    ]);
    await recordAudit(tx, ctx, {
      action: 'link',
      entityType: 'person',
      entityId: personId,
      orgId: org.id,
      orgPath: org.path,
      after: { orgId: org.id, purpose: 'institution', matchedBy: matchedBy ?? null },
    });
    return personId;
  };
  if (body.personId !== undefined) {
    const [p] = await findPeopleInScope(tx, scope, [body.personId]);
    if (!p) throw errors.idNotFound('body.personId');
    if (!p.birthDate || !isAdult(p.birthDate, today)) throw underAge('body.personId');
    return link(p.id);
  }
  const typed = body.person!;
  const { value: v, issues } = checkPerson(
    {
      fullName: typed.fullName,
      birthDate: typed.birthDate,
      sex: typed.sex ?? null,
      cccd: typed.cccd ?? null,
      phone: typed.phone ?? null,
      email: typed.email ?? null,
    },
    today,
  );
  const all = issues.map((i) => ({ path: `body.person.${i.field}`, message: i.message }));
  if (v.birthDate && !all.some((i) => i.path.endsWith('birthDate')) && !isAdult(v.birthDate, today))
    all.push({ path: 'body.person.birthDate', message: volunteerIssues.under_age });
  if (all.length) throw errors.validation(all);
  await lockIdentities(tx, identityKeys(v));
  const [m] = await findIdentityMatches(tx, scope, [
    { key: 0, cccd: v.cccd, fullName: v.fullName!, birthDate: v.birthDate, phone: v.phone },
  ]);
  if (m) {
    const decision = identityDecision(v, m);
    if (decision === 'conflict') throw identityConflict();
    // One person stays one person: a person the caller sees is used as stored; one it does not see is linked.
    return link(m.id, m.matchedBy);
  }
  const write = {
    ...v,
    fullName: v.fullName!,
    jobTitle: null,
    employerOrgId: null,
    orgId: org.id,
    orgPath: org.path,
  };
  const [id] = await insertPeople(tx, [write]);
  const { orgPath: _omit, ...rest } = write;
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'person',
    entityId: id!,
    orgId: org.id,
    orgPath: org.path,
    after: { ...auditView(rest), source: 'volunteer_registry' },
  });
  return link(id!);
}
