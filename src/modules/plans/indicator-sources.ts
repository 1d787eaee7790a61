import type { IndicatorSource } from '../../platform/indicators.ts';
import { activityParticipants } from './activities/activities.repo.ts';

/** The plans module's own source, listed in its manifest. */
export const planIndicatorSources: IndicatorSource[] = [
  {
    key: 'plans.activity_participants',
    nameVi: 'Người tham gia các hoạt động do đơn vị chủ trì (từ kết quả hoạt động đã báo cáo)',
    nameEn: 'Participants in activities the unit led (from reported activity outputs)',
    kinds: ['count', 'sum'],
    compute: async (db, q) => ({ value: await activityParticipants(db, q) }),
  },
];
