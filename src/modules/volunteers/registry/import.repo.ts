import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';

/** SQL of the registry import and export beyond the registry's own: provinces by name, who is registered already. */

/** The current provinces (34 from 1/7/2025), for "Tỉnh quê quán" written as a name. */
export async function currentProvinces(db: Db | Tx) {
  return rows<{ code: string; name: string }>(
    db,
    sql`SELECT code, name FROM admin_units WHERE level = 'province' AND valid_to IS NULL ORDER BY code`,
  );
}

/** Of these people, those with a profile at the organisation. */
export async function registeredAt(db: Db | Tx, orgId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT person_id AS id FROM volunteer_profiles
        WHERE org_id = ${orgId} AND person_id = ANY(${`{${personIds.join(',')}}`}::int[])`,
  );
  return new Set(got.map((r) => r.id));
}
