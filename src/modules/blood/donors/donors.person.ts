import type { z } from 'zod';
import type { newDonorPerson } from '../../../contracts/blood/donors.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import {
  auditView,
  checkPerson,
  findIdentityMatches,
  identityDecision,
  identityKeys,
  insertPeople,
  linkPeople,
  lockIdentities,
} from '../../people/index.ts';

/**
 * A donor typed as a new person, registered under the people module's identity rules: the same CCCD (or name,
 * birth date and phone) is one person — a match the caller already sees becomes the donor; one it does not see
 * is linked when what was typed identifies it, else refused without a word about it (`people.identity_conflict`).
 */
export async function registerDonorPerson(
  tx: Tx,
  ctx: Ctx,
  scope: Scope,
  keeper: { id: number; path: string },
  typed: z.output<typeof newDonorPerson>,
  today: string,
): Promise<number> {
  const { value: v, issues } = checkPerson(
    {
      fullName: typed.fullName,
      birthDate: typed.birthDate ?? null,
      sex: typed.sex ?? null,
      cccd: typed.cccd ?? null,
      phone: typed.phone ?? null,
      email: typed.email ?? null,
    },
    today,
  );
  if (issues.length)
    throw errors.validation(issues.map((i) => ({ path: `body.person.${i.field}`, message: i.message })));
  await lockIdentities(tx, identityKeys(v));
  const [m] = await findIdentityMatches(
    tx,
    scope,
    [{ key: 0, cccd: v.cccd, fullName: v.fullName!, birthDate: v.birthDate, phone: v.phone }],
    null,
  );
  if (m) {
    const decision = identityDecision(v, m);
    if (decision === 'conflict')
      throw errors.conflict(
        'people.identity_conflict',
        'Không thể đăng ký người này với thông tin đã nhập; kiểm tra lại số CCCD.',
      );
    if (decision === 'link') {
      await linkPeople(tx, [
        { personId: m.id, orgId: keeper.id, orgPath: keeper.path, purpose: 'keeper', since: today },
      ]);
      await recordAudit(tx, ctx, {
        action: 'link',
        entityType: 'person',
        entityId: m.id,
        orgId: keeper.id,
        orgPath: keeper.path,
        after: { orgId: keeper.id, purpose: 'keeper', matchedBy: m.matchedBy },
      });
    }
    return m.id;
  }
  const write = {
    ...v,
    fullName: v.fullName!,
    jobTitle: null,
    employerOrgId: null,
    orgId: keeper.id,
    orgPath: keeper.path,
  };
  const [id] = await insertPeople(tx, [write]);
  const { orgPath: _omit, ...rest } = write;
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'person',
    entityId: id!,
    orgId: keeper.id,
    orgPath: keeper.path,
    after: auditView(rest),
  });
  return id!;
}
