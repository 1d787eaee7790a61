import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/platform/db/database.ts';
import { type BuiltOrg, buildOrg, buildUser } from './factories.ts';

/** Arrange-step data of the clubs, call-out and honours tests (inserted directly, no audit). */

export async function buildBloodWorld(db: Db) {
  await db.execute(
    sql`INSERT INTO admin_units (code, name, level, kind) VALUES ('11', 'Điện Biên', 'province', 'Tỉnh'),
        ('24', 'Bắc Ninh', 'province', 'Tỉnh') ON CONFLICT (code) DO NOTHING`,
  );
  const national = await buildOrg(db, { name: 'Hội Chữ thập đỏ Việt Nam' });
  const dienBien = await buildOrg(db, { parent: national, name: 'Hội Chữ thập đỏ tỉnh Điện Biên' });
  const hospital = await buildOrg(db, { parent: dienBien, name: 'Bệnh viện Đa khoa tỉnh Điện Biên' });
  const bacNinh = await buildOrg(db, { parent: national, name: 'Hội Chữ thập đỏ tỉnh Bắc Ninh' });
  return { national, dienBien, hospital, bacNinh };
}

let nextId = 900_001;

export type DonorSpec = {
  name: string;
  abo?: 'O' | 'A' | 'B' | 'AB';
  rh?: 'pos' | 'neg';
  province?: string;
  consent?: boolean;
  sex?: 'male' | 'female';
  weightKg?: number;
  /** Days of donations (whole blood, donated). */
  donations?: string[];
  withUser?: boolean;
};

/**
 * A donor kept by `org` (purpose 'blood'), with a large person id so a test can search an answer for it, a phone and
 * a CCCD derived from it, a donor profile and donations; optionally a person-only sign-in.
 */
export async function buildDonor(db: Db, org: BuiltOrg, d: DonorSpec) {
  const id = nextId++;
  const phone = `09${String(id).padStart(8, '0')}`;
  const cccd = `0011${String(id).padStart(8, '0')}`;
  await db.execute(
    sql`INSERT INTO people (id, full_name, birth_date, sex, phone, cccd, org_id, org_path) OVERRIDING SYSTEM VALUE
        VALUES (${id}, ${d.name}, '1990-03-15', ${d.sex ?? 'male'}, ${phone}, ${cccd}, ${org.id}, ${org.path}::ltree)`,
  );
  await db.execute(
    sql`INSERT INTO person_links (person_id, org_id, org_path, purpose, since)
        VALUES (${id}, ${org.id}, ${org.path}::ltree, 'blood', '2010-01-01') ON CONFLICT DO NOTHING`,
  );
  await db.execute(
    sql`INSERT INTO donor_profiles (person_id, donor_no, abo, rh, weight_kg, home_province_code, consent_contact)
        VALUES (${id}, ${`HM-${id}`}, ${d.abo ?? 'O'}, ${d.rh ?? 'neg'}, ${d.weightKg ?? 60}, ${d.province ?? '11'},
          ${d.consent ?? true})`,
  );
  for (const on of d.donations ?? [])
    await db.execute(
      sql`INSERT INTO blood_donations (person_id, donated_on, organiser_org_id, organiser_path, kind, volume_ml, outcome)
          VALUES (${id}, ${on}, ${org.id}, ${org.path}::ltree, 'whole_blood', 350, 'donated')`,
    );
  let user: Awaited<ReturnType<typeof buildUser>> | null = null;
  if (d.withUser) {
    user = await buildUser(db);
    await db.execute(sql`UPDATE users SET person_id = ${id} WHERE id = ${user.id}`);
  }
  return { id, name: d.name, phone, cccd, user };
}

/** `n` whole-blood donation days, 13 weeks apart, ending on `last`. */
export function donationDays(n: number, last: string): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) =>
    new Date(end - (n - 1 - i) * 91 * 86_400_000).toISOString().slice(0, 10),
  );
}

export async function auditRows(db: Db, entityTypes: string[]) {
  return rows<{
    action: string;
    orgPath: string | null;
    before: unknown;
    after: unknown;
    entityLabel: string | null;
  }>(
    db,
    sql`SELECT action, org_path::text AS "orgPath", before, after, entity_label AS "entityLabel" FROM audit_log
        WHERE entity_type = ANY(${`{${entityTypes.join(',')}}`}::text[])`,
  );
}
