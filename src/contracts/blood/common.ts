/**
 * Words shared by the blood-donation module's contracts and pages. The lists are the tables' enums
 * (src/modules/blood/**.tables.ts) — keep them equal.
 */
import { defineFieldIssues } from '../common.ts';

export const aboGroups = ['O', 'A', 'B', 'AB'] as const;
export const rhFactors = ['pos', 'neg'] as const;
export const donationKinds = [
  'whole_blood',
  'red_cells_apheresis',
  'plasma_apheresis',
  'platelets_apheresis',
] as const;
export type DonationKindCode = (typeof donationKinds)[number];
export const donationOutcomes = ['donated', 'deferred', 'adverse_event'] as const;
export const clubKinds = ['rare_blood', 'family', 'mobilisers', 'reserve'] as const;
/** Standard units (ml) of whole blood (Thông tư 26/2013/TT-BYT). */
export const standardVolumes = [250, 350, 450] as const;

/** "O Rh−" as Vietnamese offices write a group. */
export function bloodGroupLabel(abo: string | null, rh: string | null): string {
  if (!abo) return '—';
  return `${abo}${rh === 'neg' ? ' Rh−' : rh === 'pos' ? ' Rh+' : ''}`;
}

export const bloodIssues = defineFieldIssues('blood', {
  volume_too_high: 'Thể tích vượt mức cho phép với cân nặng này ({{max}} ml)',
  volume_over_max: 'Thể tích vượt mức tối đa của một lần hiến ({{max}} ml)',
  consent_health_needed:
    'Cần ghi nhận người hiến đồng ý cho xử lý dữ liệu sức khỏe trước khi ghi nhóm máu, cân nặng',
  weight_range: 'Cân nặng phải từ 30 đến 200 kg',
});
