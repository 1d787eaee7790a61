import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import type { Scope } from '../../../platform/scope.ts';
import {
  checkPerson,
  findIdentityMatches,
  findPeopleInScope,
  identityDecision,
  identityKeys,
  insertPeople,
  lockIdentities,
} from '../../people/index.ts';
import { drivesErrors } from './drives.errors.ts';

/**
 * The person who walks in: one the desk sees (by id), or new fields checked by the people rules. One person stays
 * one person: a stored identity the desk sees is used; one it does not see is linked when what was typed matches
 * it, and otherwise refused without a word about it. Answers the person id (the caller links them 'blood').
 */
export async function walkInPerson(
  ctx: Ctx,
  tx: Tx,
  scope: Scope,
  organiser: { id: number; path: string },
  walkIn: {
    personId?: number | undefined;
    person?:
      | {
          fullName: string;
          birthDate?: string | null | undefined;
          sex?: 'male' | 'female' | null | undefined;
          phone?: string | null | undefined;
          cccd?: string | null | undefined;
        }
      | undefined;
  },
): Promise<{ personId: number; created: boolean }> {
  if (walkIn.personId) {
    const [p] = await findPeopleInScope(tx, scope, [walkIn.personId]);
    if (p?.status !== 'active') throw errors.idNotFound('body.walkIn.personId');
    return { personId: p.id, created: false };
  }
  if (!walkIn.person)
    throw errors.validation([{ path: 'body.walkIn', message: 'Chọn người hoặc nhập người mới' }]);
  const { value, issues } = checkPerson(
    {
      fullName: walkIn.person.fullName,
      birthDate: walkIn.person.birthDate ?? null,
      sex: walkIn.person.sex ?? null,
      cccd: walkIn.person.cccd ?? null,
      phone: walkIn.person.phone ?? null,
      email: null,
    },
    vnToday(ctx.clock),
  );
  // The rules judge a donor by age and, for the weight, by sex: a new walk-in cannot be screened without them.
  if (!value.birthDate && !issues.some((i) => i.field === 'birthDate'))
    issues.push({ field: 'birthDate', message: 'Nhập ngày sinh: tuổi hiến máu tính theo ngày sinh' });
  if (!value.sex)
    issues.push({ field: 'sex', message: 'Chọn giới tính: cân nặng tối thiểu khác nhau theo giới' });
  if (issues.length)
    throw errors.validation(
      issues.map((i) => ({ path: `body.walkIn.person.${i.field}`, message: i.message })),
    );
  await lockIdentities(tx, identityKeys(value));
  const [m] = await findIdentityMatches(tx, scope, [
    { key: 0, cccd: value.cccd, fullName: value.fullName!, birthDate: value.birthDate, phone: value.phone },
  ]);
  if (m) {
    if (identityDecision(value, m) === 'conflict') throw drivesErrors.identity_conflict();
    return { personId: m.id, created: false };
  }
  const [id] = await insertPeople(tx, [
    {
      fullName: value.fullName!,
      birthDate: value.birthDate,
      sex: value.sex,
      cccd: value.cccd,
      phone: value.phone,
      email: null,
      jobTitle: null,
      employerOrgId: null,
      orgId: organiser.id,
      orgPath: organiser.path,
    },
  ]);
  return { personId: id!, created: true };
}
