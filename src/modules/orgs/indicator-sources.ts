import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db/database.ts';
import type { IndicatorSource } from '../../platform/indicators.ts';

/** The organisation registry's source, listed in the orgs manifest. */
export const orgIndicatorSources: IndicatorSource[] = [
  {
    key: 'orgs.active_units',
    nameVi: 'Số đơn vị trực thuộc đang hoạt động (từ danh mục tổ chức)',
    nameEn: 'Active subordinate units (from the organisation registry)',
    kinds: ['count'],
    compute: async (db, q) => {
      const [r] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM organisations
          WHERE path <@ ${q.orgPath}::ltree AND path <> ${q.orgPath}::ltree AND status = 'active'
            AND (established_on IS NULL OR established_on <= ${q.end}::date)`,
      );
      return { value: r?.n ?? 0 };
    },
  },
];
