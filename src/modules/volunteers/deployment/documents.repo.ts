import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/** SQL of deployment's documents: the wave summary, participation certificate numbers, their public lookup. */

export type SummaryRow = {
  orgId: number;
  orgName: string;
  quota: number;
  proposed: number;
  deployed: number;
  returned: number;
  approvedHours: number;
};

/**
 * Per institution asked (a quota) within the read: its quota, volunteers proposed (still proposed or accepted),
 * deployed (every assignment not cancelled), returned (returned or ended early) and approved shift hours.
 */
export async function summaryRows(
  db: Db | Tx,
  waveId: number,
  read: { all: true } | { all: false; scope: Scope },
): Promise<SummaryRow[]> {
  return rows<SummaryRow>(
    db,
    sql`SELECT q.org_id AS "orgId", o.name AS "orgName", q.quota,
               (SELECT count(*)::int FROM wave_members m WHERE m.quota_id = q.id AND m.status IN ('proposed', 'accepted')) AS "proposed",
               (SELECT count(*)::int FROM volunteer_assignments a
                  WHERE a.wave_id = q.wave_id AND a.org_path <@ q.org_path AND a.status <> 'cancelled') AS "deployed",
               (SELECT count(*)::int FROM volunteer_assignments a
                  WHERE a.wave_id = q.wave_id AND a.org_path <@ q.org_path AND a.status IN ('returned', 'ended_early')) AS "returned",
               coalesce((SELECT sum(g.hours)::float8 FROM shift_signups g JOIN volunteer_assignments a ON a.id = g.assignment_id
                  WHERE a.wave_id = q.wave_id AND a.org_path <@ q.org_path AND g.status = 'booked'
                    AND g.hours_approved_at IS NOT NULL), 0)::float8 AS "approvedHours"
        FROM wave_quotas q JOIN organisations o ON o.id = q.org_id
        WHERE q.wave_id = ${waveId} AND ${read.all ? sql`true` : scopeSql(read.scope, sql`q.org_path`)}
        ORDER BY o.name`,
  );
}

/**
 * Gives these assignments a participation certificate number where they have none: TNV-<year>-<6-digit serial>
 * per year of issue, then 4 random characters so a number cannot be guessed from the next one (the number is
 * also the public verification key). Serialised by an advisory lock; the unique index is the backstop.
 */
export async function assignCertificateNumbers(
  tx: Tx,
  ids: readonly number[],
  today: string,
  suffix: () => string,
) {
  const missing = await rows<{ id: number }>(
    tx,
    sql`SELECT id FROM volunteer_assignments WHERE id = ANY(${`{${ids.join(',')}}`}::int[]) AND certificate_no IS NULL
        ORDER BY id FOR UPDATE`,
  );
  if (missing.length === 0) return [];
  const year = today.slice(0, 4);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(40403, ${Number(year)})`);
  const [last] = await rows<{ n: number }>(
    tx,
    sql`SELECT coalesce(max(substring(certificate_no FROM 10 FOR 6)::int), 0)::int AS n FROM volunteer_assignments
        WHERE certificate_no LIKE ${`TNV-${year}-%`}`,
  );
  let n = last!.n;
  const issued: { id: number; number: string }[] = [];
  for (const m of missing) {
    n += 1;
    const number = `TNV-${year}-${String(n).padStart(6, '0')}-${suffix()}`;
    issued.push({ id: m.id, number });
  }
  await tx.execute(
    sql`UPDATE volunteer_assignments a SET certificate_no = x.no, certificate_issued_on = ${today}::date
        FROM unnest(${`{${issued.map((i) => i.id).join(',')}}`}::int[], ${`{${issued.map((i) => i.number).join(',')}}`}::text[]) AS x(id, no)
        WHERE a.id = x.id`,
  );
  return issued;
}

export type VerifyRow = {
  number: string;
  fullName: string;
  waveTitle: string;
  startsOn: string;
  endsOn: string;
  orgName: string;
  status: string;
  issuedOn: string;
};

/**
 * The public verification of a participation certificate by its number: deliberately unscoped (anyone holding
 * the paper may check it), and it selects only the name, the wave, the dates, the institution and the status.
 */
export async function findByCertificateNo(db: Db, number: string): Promise<VerifyRow | null> {
  const [r] = await rows<VerifyRow>(
    db,
    sql`SELECT a.certificate_no AS "number", pe.full_name AS "fullName", w.title AS "waveTitle",
               a.starts_on::text AS "startsOn", coalesce(a.ended_on, a.ends_on)::text AS "endsOn", o.name AS "orgName",
               a.status, a.certificate_issued_on::text AS "issuedOn"
        FROM volunteer_assignments a JOIN people pe ON pe.id = a.person_id
        JOIN mobilisation_waves w ON w.id = a.wave_id JOIN volunteer_profiles vp ON vp.id = a.profile_id
        JOIN organisations o ON o.id = vp.org_id
        WHERE a.certificate_no = ${number}`,
  );
  return r ?? null;
}
