import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

export type ProfileForAccount = {
  id: number;
  orgId: number;
  orgPath: string;
  personId: number;
  fullName: string;
  email: string | null;
  phone: string | null;
  accountUsername: string | null;
};

/** A profile the scope sees, with its person and the account already linked to that person (if any). */
export async function profileForAccount(
  db: Db | Tx,
  scope: Scope,
  profileId: number,
): Promise<ProfileForAccount | undefined> {
  const [row] = await rows<ProfileForAccount>(
    db,
    sql`SELECT vp.id, vp.org_id AS "orgId", vp.org_path::text AS "orgPath", p.id AS "personId",
               p.full_name AS "fullName", p.email, p.phone,
               (SELECT u.username FROM users u WHERE u.person_id = p.id) AS "accountUsername"
        FROM volunteer_profiles vp JOIN people p ON p.id = vp.person_id
        WHERE vp.id = ${profileId} AND ${scopeSql(scope, sql`vp.org_path`)}`,
  );
  return row;
}
