import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg } from './factories.ts';

/** Arrange-step organisations the training tests share, inserted directly. */

/**
 * The Red Cross centre that issues certificates (Trung tâm Dịch vụ Nhân đạo, short name TTDVNĐ, in Bắc Ninh:
 * its certificate numbers read `…/GCN-TTDVNĐ`), under the national Red Cross.
 */
export async function buildCertificateCentre(db: Db): Promise<{ national: BuiltOrg; centre: BuiltOrg }> {
  const national = await buildOrg(db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
  const centre = await buildOrg(db, {
    parent: national,
    name: 'Trung tâm Dịch vụ Nhân đạo',
    kind: 'red_cross',
  });
  await db.execute(
    sql`UPDATE organisations SET short_name = 'TTDVNĐ', admin_unit_code = '24' WHERE id = ${centre.id}`,
  );
  return { national, centre };
}

export type TrainingWorld = Record<'redCross' | 'hsc' | 'otherRc' | 'enterprise', BuiltOrg>;

/** A provider (the service centre), another province's Red Cross, and an enterprise outside the Red Cross tree. */
export async function buildTrainingWorld(db: Db): Promise<TrainingWorld> {
  const redCross = await buildOrg(db, { name: 'Trung ương Hội Chữ thập đỏ Việt Nam', kind: 'red_cross' });
  return {
    redCross,
    hsc: await buildOrg(db, { parent: redCross, name: 'Trung tâm Dịch vụ Nhân đạo', kind: 'service_centre' }),
    otherRc: await buildOrg(db, {
      parent: redCross,
      name: 'Hội Chữ thập đỏ tỉnh Điện Biên',
      kind: 'red_cross',
    }),
    enterprise: await buildOrg(db, { name: 'Công ty TNHH Điện tử KCN Quế Võ', kind: 'enterprise' }),
  };
}
