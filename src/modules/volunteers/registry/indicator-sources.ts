import type { IndicatorSource } from '../../../platform/indicators.ts';
import { statusAsOf } from './readiness.repo.ts';

/**
 * Volunteer figures for plan indicators: counts for the reporting unit's subtree as of the period's last day
 * (each profile's status then, from its dated history), with a breakdown by group (staff, lecturer, student…).
 * `volunteers.registered` counts every volunteer in the registry then, whatever the status, except withdrawn.
 */
const sources = {
  registered: {
    statuses: ['registered', 'ready', 'deployed', 'returned', 'stood_down'],
    vi: 'Số tình nguyện viên trong sổ đăng ký (trừ người đã rút) đến cuối kỳ',
    en: 'Volunteers in the registry (not withdrawn) at the end of the period',
  },
  ready: {
    statuses: ['ready'],
    vi: 'Số tình nguyện viên sẵn sàng huy động đến cuối kỳ',
    en: 'Volunteers ready to be mobilised at the end of the period',
  },
  deployed: {
    statuses: ['deployed'],
    vi: 'Số tình nguyện viên đang được điều động vào cuối kỳ',
    en: 'Volunteers deployed at the end of the period',
  },
} as const;

export const volunteerIndicatorSources: IndicatorSource[] = Object.entries(sources).map(([key, s]) => ({
  key: `volunteers.${key}`,
  nameVi: `${s.vi} (đơn vị và các đơn vị trực thuộc)`,
  nameEn: `${s.en} (the unit and its subtree)`,
  kinds: ['count'],
  compute: async (db, q) => {
    const groups = await statusAsOf(db, q.orgPath, q.end, [...s.statuses]);
    return {
      value: groups.reduce((sum, g) => sum + g.n, 0),
      breakdown: groups.map((g) => ({ category: g.group, value: g.n })),
    };
  },
}));
