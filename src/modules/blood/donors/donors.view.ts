import type { DonorView } from '../../../contracts/blood/donors.ts';
import { type Actor, hasPermission } from '../../../platform/scope.ts';
import type { DonorRow } from './donors.repo.ts';
import { type BloodRuleSet, type DonationKind, eligibility, seenBy } from './eligibility.rules.ts';

/** What a caller may do with a donor: rights are by any of the donor's keepers (purpose 'blood'). */
export const canHealth = (actor: Actor, row: Pick<DonorRow, 'keepers'>) =>
  row.keepers.some((k) => hasPermission(actor, 'blood.health', k.orgPath));
export const canManageDonor = (actor: Actor, row: Pick<DonorRow, 'keepers'>) =>
  row.keepers.some((k) => hasPermission(actor, 'blood.manage', k.orgPath));

/**
 * The attempts a caller may know of: all with blood.health over the donor; without it only the donations (an
 * attempt that ended in a deferral or an adverse event is a screening result: health data, not even its existence).
 */
export const seenAttempts = <T extends { outcome: string }>(rows: T[], health: boolean) =>
  health ? rows : rows.filter((r) => r.outcome === 'donated');

/** Eligibility (whole blood unless told) on `today` from a row's recent history (the last donation and running deferrals). */
export function rowEligibility(
  row: DonorRow,
  rules: BloodRuleSet,
  today: string,
  kind: DonationKind = 'whole_blood',
) {
  return eligibility(
    {
      birthDate: row.birthDate,
      sex: row.sex,
      weightKg: row.weightKg === null ? null : Number(row.weightKg),
      history: row.recent,
    },
    rules,
    today,
    kind,
  );
}

/**
 * The donor as the API answers it. Health data (group, rare flags, weight and its day, who confirmed the group)
 * is null unless the caller holds blood.health over one of the keepers; the donor stays visible either way, and
 * the next eligible day is only said when no health refusal (a deferral's end, the weight) holds (`seenBy`).
 */
export function toDonorView(actor: Actor, row: DonorRow, rules: BloodRuleSet, today: string): DonorView {
  const health = canHealth(actor, row);
  const e = seenBy(rowEligibility(row, rules, today), health);
  const keeper = row.keepers.find((k) => hasPermission(actor, 'org.read', k.orgPath)) ?? row.keepers[0];
  return {
    id: row.id,
    personId: row.personId,
    donorNo: row.donorNo,
    fullName: row.fullName,
    birthDate: row.birthDate,
    sex: row.sex,
    phone: row.phone,
    keeperName: keeper?.orgName ?? '',
    memberOfOrgId: row.memberOfOrgId,
    memberOfName: row.memberOfName,
    homeProvinceCode: row.homeProvinceCode,
    preferredContact: row.preferredContact,
    consentContact: row.consentContact,
    consentHealthAt: row.consentHealthAt ? new Date(row.consentHealthAt).toISOString() : null,
    abo: health ? row.abo : null,
    rh: health ? row.rh : null,
    groupConfirmedBy: health ? row.groupConfirmedBy : null,
    groupConfirmedOn: health ? row.groupConfirmedOn : null,
    rareFlags: health ? row.rareFlags : null,
    weightKg: health && row.weightKg !== null ? Number(row.weightKg) : null,
    weightOn: health ? row.weightOn : null,
    donationCount: row.donationCount,
    lastDonatedOn: row.lastDonatedOn,
    eligibleToday: e.eligible,
    nextEligibleOn: e.nextEligibleOn,
    version: row.version,
    healthVisible: health,
    can: { manage: canManageDonor(actor, row), health },
  };
}
