import { describe, expect, it } from 'vitest';
import { ageOn, type EligibilityFacts, refusalReasons } from './eligibility.rules.ts';

const wave = {
  startsOn: '2021-05-27',
  endsOn: '2021-06-26',
  topics: [{ courseTypeId: 7, name: 'Phòng chống COVID-19' }],
};
const ok: EligibilityFacts = {
  status: 'ready',
  birthDate: '2000-01-01',
  qualifications: [{ skill: 'sampling', expiresOn: null }],
  completedTopicIds: new Set([7]),
  unavailable: [],
  overlaps: [],
};

describe('refusalReasons', () => {
  it('finds nothing against a ready, trained, qualified adult with free days', () => {
    expect(refusalReasons(wave, 'sampling', ok)).toEqual([]);
  });

  it('names every reason at once', () => {
    const reasons = refusalReasons(wave, 'sampling', {
      status: 'withdrawn',
      birthDate: '2003-05-28',
      qualifications: [{ skill: 'sampling', expiresOn: '2021-05-26' }],
      completedTopicIds: new Set(),
      unavailable: [{ from: '2021-06-20', to: '2021-07-10' }],
      overlaps: [{ assignmentId: 3, waveTitle: 'Đợt 1', from: '2021-05-01', to: '2021-05-30' }],
    });
    expect(reasons.map((r) => r.code)).toEqual([
      'not_ready',
      'under_age',
      'qualification_expired',
      'topic_missing',
      'unavailable',
      'overlap',
    ]);
  });

  it('a qualification expiring on the start day still counts; the day before does not', () => {
    const on = { ...ok, qualifications: [{ skill: 'sampling', expiresOn: '2021-05-27' }] };
    expect(refusalReasons(wave, 'sampling', on)).toEqual([]);
    const before = { ...ok, qualifications: [{ skill: 'sampling', expiresOn: '2021-05-26' }] };
    expect(refusalReasons(wave, 'sampling', before)).toEqual([
      { code: 'qualification_expired', skill: 'sampling', expiredOn: '2021-05-26' },
    ]);
  });

  it('a missing skill is refused only when the proposal asks for one', () => {
    expect(refusalReasons(wave, 'testing', ok)).toEqual([{ code: 'skill_missing', skill: 'testing' }]);
    expect(refusalReasons(wave, null, ok)).toEqual([]);
  });

  it('deployed elsewhere is refused; returned or registered volunteers may go', () => {
    expect(refusalReasons(wave, null, { ...ok, status: 'deployed' })[0]?.code).toBe('not_ready');
    expect(refusalReasons(wave, null, { ...ok, status: 'returned' })).toEqual([]);
    expect(refusalReasons(wave, null, { ...ok, status: 'registered' })).toEqual([]);
  });

  it('unavailability outside the wave days is ignored', () => {
    const f = { ...ok, unavailable: [{ from: '2021-06-27', to: '2021-07-01' }] };
    expect(refusalReasons(wave, null, f)).toEqual([]);
  });

  it('18 is reached on the birthday', () => {
    expect(ageOn('2003-05-27', '2021-05-27')).toBe(18);
    expect(ageOn('2003-05-28', '2021-05-27')).toBe(17);
  });
});
