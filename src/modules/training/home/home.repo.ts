import { sql } from 'drizzle-orm';
import { type Db, fetchPage, rows } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';

/**
 * The training blocks of the home page. `provider`: where the caller runs training (training.manage);
 * `customer`: where it speaks for an enterprise (report.write) — its requests, its classes, its workers.
 */
export type Sides = { provider: Scope; customer: Scope };

/** Whether the caller's enterprise side has ever asked for training or had a class run for it. */
export async function isTrainingCustomer(db: Db, customer: Scope): Promise<boolean> {
  const [r] = await rows<{ yes: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM training_requests r WHERE ${scopeSql(customer, sql`r.requester_path`)})
            OR EXISTS (SELECT 1 FROM training_classes c JOIN organisations cu ON cu.id = c.customer_org_id
                       WHERE ${scopeSql(customer, sql`cu.path`)}) AS yes`,
  );
  return r?.yes ?? false;
}

/** Whether the caller's training side runs training: requests received, classes run or trainers kept there. */
export async function isTrainingProvider(db: Db, provider: Scope): Promise<boolean> {
  const [r] = await rows<{ yes: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM training_requests r WHERE ${scopeSql(provider, sql`r.provider_path`)})
            OR EXISTS (SELECT 1 FROM training_classes c WHERE ${scopeSql(provider, sql`c.provider_path`)})
            OR EXISTS (SELECT 1 FROM trainers tr WHERE ${scopeSql(provider, sql`tr.org_path`)}) AS yes`,
  );
  return r?.yes ?? false;
}

/** Requests the provider has not yet answered, oldest first. */
export async function pendingRequests(db: Db, provider: Scope, limit: number) {
  const where = sql`r.status = 'requested' AND ${scopeSql(provider, sql`r.provider_path`)}`;
  return fetchPage<{
    id: number;
    requesterName: string;
    courseName: string;
    learners: number;
    createdAt: Date;
  }>(
    db,
    sql`SELECT r.id, ro.name AS "requesterName", ct.name_vi AS "courseName", r.learners, r.created_at AS "createdAt"
        FROM training_requests r JOIN organisations ro ON ro.id = r.requester_org_id
        JOIN course_types ct ON ct.id = r.course_type_id
        WHERE ${where} ORDER BY r.created_at, r.id LIMIT ${limit}`,
    sql`SELECT count(*)::int AS total FROM training_requests r WHERE ${where}`,
  );
}

/** Classes (not cancelled) with a session between two instants, run by or for the caller's organisations. */
export async function classesBetween(db: Db, s: Sides, from: string, to: string, limit: number) {
  const where = sql`c.status <> 'cancelled'
    AND (${scopeSql(s.provider, sql`c.provider_path`)} OR ${scopeSql(s.customer, sql`cu.path`)})
    AND EXISTS (SELECT 1 FROM class_sessions s WHERE s.class_id = c.id
                AND s.starts_at >= ${from}::timestamptz AND s.starts_at < ${to}::timestamptz)`;
  const from_ = sql`FROM training_classes c LEFT JOIN organisations cu ON cu.id = c.customer_org_id`;
  return fetchPage<{ id: number; code: string; title: string; venue: string | null; startsAt: Date }>(
    db,
    sql`SELECT c.id, c.code, c.title, c.venue,
               (SELECT min(s.starts_at) FROM class_sessions s WHERE s.class_id = c.id
                AND s.starts_at >= ${from}::timestamptz AND s.starts_at < ${to}::timestamptz) AS "startsAt"
        ${from_} WHERE ${where} ORDER BY "startsAt", c.id LIMIT ${limit}`,
    sql`SELECT count(*)::int AS total ${from_} WHERE ${where}`,
  );
}

/**
 * Valid certificates expiring between two days, issued by the caller's provider side or held by workers of its
 * enterprise side (as `certificateVisible`), soonest first; with how many expire by `soon`.
 */
export async function expiringCertificates(
  db: Db,
  s: Sides,
  from: string,
  to: string,
  soon: string,
  limit: number,
) {
  const where = sql`c.status = 'valid' AND c.valid_until >= ${from}::date AND c.valid_until <= ${to}::date
    AND (${scopeSql(s.provider, sql`c.issuer_path`)} OR EXISTS (
      SELECT 1 FROM people hp JOIN organisations emp ON emp.id = hp.employer_org_id
      WHERE hp.id = c.person_id AND ${scopeSql(s.customer, sql`emp.path`)}))`;
  const [items, [counts]] = await Promise.all([
    rows<{ id: number; number: string; personName: string; courseName: string; validUntil: string }>(
      db,
      sql`SELECT c.id, c.number, p.full_name AS "personName", ct.name_vi AS "courseName",
                 c.valid_until::text AS "validUntil"
          FROM certificates c JOIN people p ON p.id = c.person_id JOIN course_types ct ON ct.id = c.course_type_id
          WHERE ${where} ORDER BY c.valid_until, c.id LIMIT ${limit}`,
    ),
    rows<{ total: number; soon: number }>(
      db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE c.valid_until <= ${soon}::date)::int AS soon
          FROM certificates c WHERE ${where}`,
    ),
  ]);
  return { items, total: counts?.total ?? 0, soon: counts?.soon ?? 0 };
}
