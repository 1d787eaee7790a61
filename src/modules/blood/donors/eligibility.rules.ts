/**
 * Eligibility to donate (Thông tư 26/2013/TT-BYT) as a pure function of the donor's facts, the rules in force on
 * the day (rows of `blood_rules`, read by `eligibility.repo.ts`) and that day — the caller passes the injected
 * clock's day. Every refusal carries words a donor understands and the day it ends, if it ends.
 */
import { formatViDate } from '../../../contracts/dates.ts';

export type DonationKind = 'whole_blood' | 'red_cells_apheresis' | 'plasma_apheresis' | 'platelets_apheresis';

/** The limits in force, by key (see blood.tables.ts `bloodRules`). */
export type BloodRuleSet = Readonly<Record<string, number>>;

export type DonorFacts = {
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  weightKg: number | null;
  /** Earlier attempts, any order: only those that took blood count for intervals; deferrals count until their end. */
  history: readonly {
    donatedOn: string;
    kind: DonationKind;
    outcome: 'donated' | 'deferred' | 'adverse_event';
    deferralUntil: string | null;
    deferralPermanent: boolean;
    deferralReason: string | null;
  }[];
};

export type Refusal =
  | { code: 'age_under'; until: string }
  | { code: 'age_over' }
  | { code: 'age_unknown' }
  | { code: 'weight_low'; minKg: number }
  | { code: 'weight_unknown' }
  | { code: 'apheresis_weight'; minKg: number }
  | {
      code: 'interval';
      until: string;
      lastOn: string;
      lastKind: DonationKind;
      days: number;
      /** An adverse event's attempt counts for the interval too (its outcome is health data). */
      lastOutcome: 'donated' | 'adverse_event';
    }
  | { code: 'deferred'; until: string; reason: string | null }
  | { code: 'deferred_permanent'; reason: string | null };

export type Eligibility = {
  eligible: boolean;
  refusals: Refusal[];
  /** The first day every temporary refusal has ended (null: never, e.g. permanent deferral or over age). */
  nextEligibleOn: string | null;
  /** Most a donation may take today (ml), when eligible. */
  maxVolumeMl: number | null;
};

const DAY = 86_400_000;
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const addYears = (iso: string, years: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // 29/02 → 28/02 in a year without it (the birthday is reached on 1/3 in law; the later day is the safe one).
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.getUTCMonth() === m - 1
    ? t.toISOString().slice(0, 10)
    : new Date(Date.UTC(y + years, m, 1)).toISOString().slice(0, 10);
};

function rule(rules: BloodRuleSet, key: string): number {
  const v = rules[key];
  if (v === undefined) throw new Error(`blood rule ${key} is not in force`);
  return v;
}

const intervalKey: Record<DonationKind, string> = {
  whole_blood: 'interval_after_whole_blood_days',
  red_cells_apheresis: 'interval_after_red_cells_days',
  plasma_apheresis: 'interval_after_plasma_days',
  platelets_apheresis: 'interval_after_platelets_days',
};

/** Whether `facts` may donate `kind` on `today`, why not, and from when. */
export function eligibility(
  facts: DonorFacts,
  rules: BloodRuleSet,
  today: string,
  kind: DonationKind = 'whole_blood',
): Eligibility {
  const refusals: Refusal[] = [];
  const ends: string[] = [];
  let never = false;

  if (!facts.birthDate) refusals.push({ code: 'age_unknown' });
  else {
    const adult = addYears(facts.birthDate, rule(rules, 'min_age'));
    // "Từ đủ 18 đến 60 tuổi": 60 inclusive — refused from the 61st birthday on.
    const tooOld = addYears(facts.birthDate, rule(rules, 'max_age') + 1);
    if (today < adult) {
      refusals.push({ code: 'age_under', until: adult });
      ends.push(adult);
    } else if (today >= tooOld) {
      refusals.push({ code: 'age_over' });
      never = true;
    }
  }

  const apheresis = kind !== 'whole_blood';
  const minKg = apheresis
    ? rule(rules, 'apheresis_min_weight')
    : facts.sex === 'male'
      ? rule(rules, 'min_weight_male')
      : rule(rules, 'min_weight_female');
  if (facts.weightKg === null) refusals.push({ code: 'weight_unknown' });
  else if (facts.weightKg < minKg)
    refusals.push(apheresis ? { code: 'apheresis_weight', minKg } : { code: 'weight_low', minKg });

  const taken = facts.history
    .filter((h) => h.outcome !== 'deferred')
    .sort((a, b) => b.donatedOn.localeCompare(a.donatedOn));
  const last = taken[0];
  if (last) {
    const days = rule(rules, intervalKey[last.kind]);
    const until = addDays(last.donatedOn, days);
    if (today < until) {
      refusals.push({
        code: 'interval',
        until,
        lastOn: last.donatedOn,
        lastKind: last.kind,
        days,
        lastOutcome: last.outcome === 'adverse_event' ? 'adverse_event' : 'donated',
      });
      ends.push(until);
    }
  }
  for (const h of facts.history) {
    if (h.outcome !== 'deferred') continue;
    if (h.deferralPermanent) {
      refusals.push({ code: 'deferred_permanent', reason: h.deferralReason });
      never = true;
    } else if (h.deferralUntil && today < h.deferralUntil) {
      refusals.push({ code: 'deferred', until: h.deferralUntil, reason: h.deferralReason });
      ends.push(h.deferralUntil);
    }
  }

  const eligible = refusals.length === 0;
  const waitsOnlyForTime = refusals.every(
    (r) => r.code === 'age_under' || r.code === 'interval' || r.code === 'deferred',
  );
  const nextEligibleOn = eligible ? today : never || !waitsOnlyForTime ? null : (ends.sort().at(-1) ?? null);
  return { eligible, refusals, nextEligibleOn, maxVolumeMl: eligible ? maxVolume(facts, rules, kind) : null };
}

/** Most a donation may take (ml): 250 between 42 and 45 kg; 9 ml/kg and never over 500 for whole blood; apheresis 500/650. */
export function maxVolume(
  facts: Pick<DonorFacts, 'weightKg'>,
  rules: BloodRuleSet,
  kind: DonationKind,
): number | null {
  const kg = facts.weightKg;
  if (kg === null) return null;
  if (kind !== 'whole_blood')
    return kg >= rule(rules, 'apheresis_heavy_weight')
      ? rule(rules, 'apheresis_max_ml_heavy')
      : rule(rules, 'apheresis_max_ml');
  if (kg < rule(rules, 'min_weight_male')) return rule(rules, 'low_weight_max_ml');
  return Math.min(Math.floor(kg * rule(rules, 'max_ml_per_kg')), rule(rules, 'max_whole_blood_ml'));
}

/**
 * Refusals that come from health data — the weight, a deferral, an attempt that ended in an adverse event — and
 * which a caller without `blood.health` over the donor never learns (Decree 13/2023: health data).
 */
export function fromHealthData(r: Refusal): boolean {
  switch (r.code) {
    case 'weight_low':
    case 'weight_unknown':
    case 'apheresis_weight':
    case 'deferred':
    case 'deferred_permanent':
      return true;
    case 'interval':
      return r.lastOutcome === 'adverse_event';
    default:
      return false;
  }
}

/** A refusal as its reader may know it: the health ones are one `health` refusal without a day, a weight or a reason. */
export type SeenRefusal = Refusal | { code: 'health' };
export type SeenEligibility = Omit<Eligibility, 'refusals'> & { refusals: SeenRefusal[] };

/**
 * Eligibility as a caller sees it. With `blood.health` over the donor: all of it. Without: whether the donor may
 * give and the refusals that come from the registry and the donations (age, the interval); those that come from
 * health data become one `health` refusal, the next eligible day is unknown (null) when one of them holds, and the
 * volume (it follows the weight) is not said. THE redaction every answer, list filter and refusal message uses.
 */
export function seenBy(e: Eligibility, health: boolean): SeenEligibility {
  if (health) return e;
  const hidden = e.refusals.some(fromHealthData);
  return {
    eligible: e.eligible,
    refusals: [
      ...e.refusals.filter((r) => !fromHealthData(r)),
      ...(hidden ? [{ code: 'health' as const }] : []),
    ],
    nextEligibleOn: hidden ? null : e.nextEligibleOn,
    maxVolumeMl: null,
  };
}

/** Most any donation of `kind` may take, whatever the weight (500 ml whole blood, 650 ml apheresis). */
export const maxVolumeOfKind = (rules: BloodRuleSet, kind: DonationKind): number =>
  rule(rules, kind === 'whole_blood' ? 'max_whole_blood_ml' : 'apheresis_max_ml_heavy');

const kindVi: Record<DonationKind, string> = {
  whole_blood: 'hiến máu toàn phần',
  red_cells_apheresis: 'hiến hồng cầu bằng gạn tách',
  plasma_apheresis: 'hiến huyết tương bằng gạn tách',
  platelets_apheresis: 'hiến tiểu cầu bằng gạn tách',
};

/** The refusal in words for the donor (Vietnamese), e.g. "Bạn có thể hiến lại từ 12/03/2027 — 12 tuần sau lần hiến máu toàn phần ngày 18/12/2026". */
export function explainVi(r: SeenRefusal): string {
  switch (r.code) {
    case 'health':
      return 'Chưa đủ điều kiện sức khỏe để hiến máu (chỉ cán bộ có quyền xem dữ liệu sức khỏe biết lý do)';
    case 'interval': {
      const span = r.days % 7 === 0 ? `${r.days / 7} tuần` : `${r.days} ngày`;
      return `Bạn có thể hiến lại từ ${formatViDate(r.until)} — ${span} sau lần ${kindVi[r.lastKind]} ngày ${formatViDate(r.lastOn)}`;
    }
    case 'age_under':
      return `Bạn có thể hiến máu từ ${formatViDate(r.until)}, khi đủ 18 tuổi`;
    case 'age_over':
      return 'Người trên 60 tuổi không hiến máu theo Thông tư 26/2013/TT-BYT';
    case 'age_unknown':
      return 'Cần ngày sinh để xác định độ tuổi hiến máu';
    case 'weight_low':
      return `Cân nặng cần tối thiểu ${r.minKg} kg`;
    case 'weight_unknown':
      return 'Cần cân nặng để xác định lượng máu được hiến';
    case 'apheresis_weight':
      return `Hiến bằng gạn tách cần cân nặng tối thiểu ${r.minKg} kg`;
    case 'deferred':
      return `Tạm hoãn hiến máu đến ${formatViDate(r.until)}`;
    case 'deferred_permanent':
      return 'Không hiến máu (hoãn vĩnh viễn)';
  }
}

/** The last day of a temporary deferral's wait: the reason's days counted from the day of the attempt (donates again on it). */
export const deferralEnd = (day: string, days: number) => addDays(day, days);
