import { describe, expect, it } from 'vitest';
import {
  addDays,
  type BloodRuleSet,
  type DonorFacts,
  deferralEnd,
  eligibility,
  explainVi,
  maxVolume,
  seenBy,
} from './eligibility.rules.ts';

/** The rows of Thông tư 26/2013/TT-BYT as migration 0019 inserts them. */
const tt26: BloodRuleSet = {
  min_age: 18,
  max_age: 60,
  min_weight_female: 42,
  min_weight_male: 45,
  low_weight_max_ml: 250,
  max_ml_per_kg: 9,
  max_whole_blood_ml: 500,
  apheresis_min_weight: 50,
  apheresis_max_ml: 500,
  apheresis_max_ml_heavy: 650,
  apheresis_heavy_weight: 60,
  interval_after_whole_blood_days: 84,
  interval_after_red_cells_days: 84,
  interval_after_plasma_days: 14,
  interval_after_platelets_days: 14,
};

const adult = (over: Partial<DonorFacts> = {}): DonorFacts => ({
  birthDate: '1990-05-10',
  sex: 'male',
  weightKg: 60,
  history: [],
  ...over,
});
type H = DonorFacts['history'][number];
const gave = (donatedOn: string, kind: H['kind'] = 'whole_blood'): H => ({
  donatedOn,
  kind,
  outcome: 'donated',
  deferralUntil: null,
  deferralPermanent: false,
  deferralReason: null,
});
const codes = (f: DonorFacts, day: string, kind?: H['kind']) =>
  eligibility(f, tt26, day, kind).refusals.map((r) => r.code);

describe('eligibility (Thông tư 26/2013/TT-BYT) at its boundary days', () => {
  it('age: refused the day before the 18th birthday, allowed on it, with the birthday as next date', () => {
    const teen = adult({ birthDate: '2008-12-07' });
    const before = eligibility(teen, tt26, '2026-12-06');
    expect(before.eligible).toBe(false);
    expect(before.refusals).toEqual([{ code: 'age_under', until: '2026-12-07' }]);
    expect(before.nextEligibleOn).toBe('2026-12-07');
    expect(explainVi(before.refusals[0]!)).toBe('Bạn có thể hiến máu từ 07/12/2026, khi đủ 18 tuổi');
    expect(eligibility(teen, tt26, '2026-12-07').eligible).toBe(true);
  });

  it('age: allowed at 60 until the day before the 61st birthday, refused for good from it', () => {
    const senior = adult({ birthDate: '1965-12-07' });
    expect(eligibility(senior, tt26, '2026-12-06').eligible).toBe(true);
    const on = eligibility(senior, tt26, '2026-12-07');
    expect(on.refusals.map((r) => r.code)).toEqual(['age_over']);
    expect(on.nextEligibleOn).toBeNull();
  });

  it('age: a birth date unknown is a refusal that asks for it', () => {
    const r = eligibility(adult({ birthDate: null }), tt26, '2026-12-07');
    expect(r.refusals.map(explainVi)).toEqual(['Cần ngày sinh để xác định độ tuổi hiến máu']);
  });

  it('weight: women from 42 kg (41.9 refused), men from 45 kg (44.9 refused)', () => {
    expect(codes(adult({ sex: 'female', weightKg: 41.9 }), '2026-12-07')).toEqual(['weight_low']);
    expect(codes(adult({ sex: 'female', weightKg: 42 }), '2026-12-07')).toEqual([]);
    expect(codes(adult({ sex: 'male', weightKg: 44.9 }), '2026-12-07')).toEqual(['weight_low']);
    expect(codes(adult({ sex: 'male', weightKg: 45 }), '2026-12-07')).toEqual([]);
    const low = eligibility(adult({ sex: 'male', weightKg: 44.9 }), tt26, '2026-12-07');
    expect(low.nextEligibleOn).toBeNull();
    expect(explainVi(low.refusals[0]!)).toBe('Cân nặng cần tối thiểu 45 kg');
    expect(codes(adult({ weightKg: null }), '2026-12-07')).toEqual(['weight_unknown']);
  });

  it('volume: 250 ml from 42 to under 45 kg, 9 ml/kg from 45 kg, never over 500 ml', () => {
    expect(maxVolume({ weightKg: 42 }, tt26, 'whole_blood')).toBe(250);
    expect(maxVolume({ weightKg: 44.9 }, tt26, 'whole_blood')).toBe(250);
    expect(maxVolume({ weightKg: 45 }, tt26, 'whole_blood')).toBe(405);
    expect(maxVolume({ weightKg: 50 }, tt26, 'whole_blood')).toBe(450);
    expect(maxVolume({ weightKg: 55.5 }, tt26, 'whole_blood')).toBe(499);
    expect(maxVolume({ weightKg: 56 }, tt26, 'whole_blood')).toBe(500);
    expect(maxVolume({ weightKg: 90 }, tt26, 'whole_blood')).toBe(500);
    expect(maxVolume({ weightKg: null }, tt26, 'whole_blood')).toBeNull();
    expect(eligibility(adult({ sex: 'female', weightKg: 43 }), tt26, '2026-12-07').maxVolumeMl).toBe(250);
  });

  it('apheresis: from 50 kg (49.9 refused); 500 ml below 60 kg, 650 ml from 60 kg', () => {
    expect(codes(adult({ weightKg: 49.9 }), '2026-12-07', 'platelets_apheresis')).toEqual([
      'apheresis_weight',
    ]);
    expect(codes(adult({ weightKg: 50 }), '2026-12-07', 'platelets_apheresis')).toEqual([]);
    expect(maxVolume({ weightKg: 59.9 }, tt26, 'plasma_apheresis')).toBe(500);
    expect(maxVolume({ weightKg: 60 }, tt26, 'plasma_apheresis')).toBe(650);
    expect(eligibility(adult({ weightKg: 60 }), tt26, '2026-12-07', 'plasma_apheresis').maxVolumeMl).toBe(
      650,
    );
  });

  it('12 weeks after whole blood: day 83 refused with the sentence for the donor, day 84 allowed', () => {
    const f = adult({ history: [gave('2026-12-18')] });
    const day83 = eligibility(f, tt26, addDays('2026-12-18', 83));
    expect(day83.eligible).toBe(false);
    expect(day83.nextEligibleOn).toBe('2027-03-12');
    expect(explainVi(day83.refusals[0]!)).toBe(
      'Bạn có thể hiến lại từ 12/03/2027 — 12 tuần sau lần hiến máu toàn phần ngày 18/12/2026',
    );
    expect(addDays('2026-12-18', 84)).toBe('2027-03-12');
    expect(eligibility(f, tt26, '2027-03-12').eligible).toBe(true);
  });

  it('12 weeks after red cells by apheresis too', () => {
    const f = adult({ history: [gave('2026-01-05', 'red_cells_apheresis')] });
    expect(eligibility(f, tt26, addDays('2026-01-05', 83)).eligible).toBe(false);
    expect(eligibility(f, tt26, addDays('2026-01-05', 84)).eligible).toBe(true);
  });

  it('2 weeks after plasma or platelets: day 13 refused, day 14 allowed', () => {
    for (const kind of ['plasma_apheresis', 'platelets_apheresis'] as const) {
      const f = adult({ history: [gave('2026-03-01', kind)] });
      const r = eligibility(f, tt26, '2026-03-14');
      expect(r.refusals).toMatchObject([{ code: 'interval', until: '2026-03-15', days: 14 }]);
      expect(explainVi(r.refusals[0]!)).toBe(
        `Bạn có thể hiến lại từ 15/03/2026 — 2 tuần sau lần ${kind === 'plasma_apheresis' ? 'hiến huyết tương' : 'hiến tiểu cầu'} bằng gạn tách ngày 01/03/2026`,
      );
      expect(eligibility(f, tt26, '2026-03-15').eligible).toBe(true);
    }
  });

  it('the interval follows the LAST donation’s kind, whatever order the history comes in', () => {
    // Whole blood in January, platelets in May: 2 weeks after May, not 12 after January.
    const f = adult({ history: [gave('2026-05-02', 'platelets_apheresis'), gave('2026-01-10')] });
    expect(eligibility(f, tt26, '2026-05-15').eligible).toBe(false);
    expect(eligibility(f, tt26, '2026-05-16').eligible).toBe(true);
    // Platelets first, whole blood last: 12 weeks after the whole blood.
    const g = adult({ history: [gave('2026-01-10', 'platelets_apheresis'), gave('2026-02-01')] });
    expect(eligibility(g, tt26, addDays('2026-02-01', 83)).nextEligibleOn).toBe(addDays('2026-02-01', 84));
    // A deferral is not a donation: it sets no interval.
    const deferredOnly = adult({
      history: [{ ...gave('2026-04-01'), outcome: 'deferred', deferralUntil: '2026-04-15' }],
    });
    expect(eligibility(deferredOnly, tt26, '2026-04-15').eligible).toBe(true);
  });

  it('a tattoo deferral lasts 180 days: refused the day before its end, allowed on it', () => {
    const until = deferralEnd('2026-06-01', 180);
    expect(until).toBe('2026-11-28');
    const f = adult({
      history: [
        {
          ...gave('2026-06-01'),
          outcome: 'deferred',
          deferralUntil: until,
          deferralReason: 'tattoo_piercing',
        },
      ],
    });
    const r = eligibility(f, tt26, '2026-11-27');
    expect(r.refusals).toEqual([{ code: 'deferred', until: '2026-11-28', reason: 'tattoo_piercing' }]);
    expect(explainVi(r.refusals[0]!)).toBe('Tạm hoãn hiến máu đến 28/11/2026');
    expect(eligibility(f, tt26, '2026-11-28').eligible).toBe(true);
  });

  it('a permanent deferral never ends, and the next date says so', () => {
    const f = adult({
      history: [
        {
          ...gave('2020-01-01'),
          outcome: 'deferred',
          deferralPermanent: true,
          deferralReason: 'infection_risk',
        },
      ],
    });
    const r = eligibility(f, tt26, '2036-01-01');
    expect(r.refusals.map((x) => x.code)).toEqual(['deferred_permanent']);
    expect(r.nextEligibleOn).toBeNull();
    expect(r.maxVolumeMl).toBeNull();
  });

  it('several temporary refusals: the next date is the latest of their ends', () => {
    const f = adult({
      birthDate: '2008-12-20',
      history: [{ ...gave('2026-11-01'), outcome: 'deferred', deferralUntil: '2027-01-10' }],
    });
    expect(eligibility(f, tt26, '2026-12-07').nextEligibleOn).toBe('2027-01-10');
  });

  it('refuses to judge without a rule in force rather than guess', () => {
    const { min_age: _m, ...partial } = tt26;
    expect(() => eligibility(adult(), partial, '2026-12-07')).toThrow(/min_age/);
  });
});

describe('eligibility as a caller without blood.health sees it (seenBy)', () => {
  const deferred = (until: string): H => ({
    ...gave('2026-11-01'),
    outcome: 'deferred',
    deferralUntil: until,
  });

  it('keeps what the registry and the donations tell: the age, the interval after a donation', () => {
    const e = eligibility(adult({ history: [gave('2026-11-01')] }), tt26, '2026-12-07');
    expect(seenBy(e, false)).toEqual({ ...e, maxVolumeMl: null });
  });

  it('makes a deferral, the weight and an adverse event’s interval one refusal without a day', () => {
    const adverse: H = { ...gave('2026-11-20'), outcome: 'adverse_event' };
    for (const f of [
      adult({ history: [deferred('2027-01-10')] }),
      adult({ weightKg: null }),
      adult({ weightKg: 40 }),
      adult({ history: [adverse] }),
      adult({ history: [{ ...deferred('2027-01-10'), deferralPermanent: true }] }),
    ]) {
      const seen = seenBy(eligibility(f, tt26, '2026-12-07'), false);
      expect(seen).toEqual({
        eligible: false,
        refusals: [{ code: 'health' }],
        nextEligibleOn: null,
        maxVolumeMl: null,
      });
      expect(seen.refusals.map(explainVi)).toEqual([
        'Chưa đủ điều kiện sức khỏe để hiến máu (chỉ cán bộ có quyền xem dữ liệu sức khỏe biết lý do)',
      ]);
    }
  });

  it('says the interval and hides the deferral when both hold; blood.health sees all of it', () => {
    const f = adult({ history: [gave('2026-11-01'), deferred('2027-03-01')] });
    const e = eligibility(f, tt26, '2026-12-07');
    expect(seenBy(e, false).refusals.map((r) => r.code)).toEqual(['interval', 'health']);
    expect(seenBy(e, false).nextEligibleOn).toBeNull();
    expect(seenBy(e, true)).toBe(e);
    expect(e.nextEligibleOn).toBe('2027-03-01');
  });
});
