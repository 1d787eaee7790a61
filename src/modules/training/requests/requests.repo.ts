import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { trainingRequests } from '../training.tables.ts';

/** SQL of training requests. */

export type RequestRow = {
  id: number;
  requesterOrgId: number;
  requesterPath: string;
  requesterName: string;
  providerOrgId: number;
  providerPath: string;
  providerName: string;
  courseTypeId: number;
  courseCode: string;
  learners: number;
  place: string | null;
  preferredFrom: string | null;
  preferredTo: string | null;
  notes: string | null;
  status: (typeof trainingRequests.$inferSelect)['status'];
  version: number;
  classIds: number[];
};

/** A request is visible to whoever sees the requester or the provider. */
function requestVisibleSql(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`r.requester_path`)} OR ${scopeSql(scope, sql`r.provider_path`)})`;
}

// The requester's and the provider's names are joined: each side sees the other's name on a request it can see.
const requestSelect = sql`SELECT r.id, r.requester_org_id AS "requesterOrgId", r.requester_path::text AS "requesterPath",
  ro.name AS "requesterName", r.provider_org_id AS "providerOrgId", r.provider_path::text AS "providerPath",
  po.name AS "providerName", r.course_type_id AS "courseTypeId", ct.code AS "courseCode", r.learners, r.place,
  r.preferred_from::text AS "preferredFrom", r.preferred_to::text AS "preferredTo", r.notes, r.status, r.version,
  coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM training_classes c WHERE c.request_id = r.id), '{}') AS "classIds"
  FROM training_requests r JOIN organisations ro ON ro.id = r.requester_org_id
  JOIN organisations po ON po.id = r.provider_org_id JOIN course_types ct ON ct.id = r.course_type_id`;

export async function listRequests(db: Db, scope: Scope, status?: string): Promise<RequestRow[]> {
  return rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE ${requestVisibleSql(scope)} ${status ? sql`AND r.status = ${status}` : sql``}
        ORDER BY r.created_at DESC, r.id DESC`,
  );
}

export async function findRequest(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [row] = await rows<RequestRow>(
    db,
    sql`${requestSelect} WHERE r.id = ${id} AND ${requestVisibleSql(scope)} ${lock ? sql`FOR UPDATE OF r` : sql``}`,
  );
  return row;
}

/**
 * The provider an enterprise names on its request — deliberately outside the caller's scope: an enterprise's HR
 * cannot see the Red Cross tree, and picks from GET /api/training/providers, which lists every active body that
 * trains. Safe: only the id, path (stored on the request, for the provider's own scope) and status are read, and
 * the caller is shown nothing of it but the name on the request it made.
 */
export async function providerForRequest(
  tx: Tx,
  id: number,
): Promise<{ id: number; path: string; status: string } | undefined> {
  const [row] = await rows<{ id: number; path: string; status: string }>(
    tx,
    sql`SELECT id, path::text AS path, status FROM organisations WHERE id = ${id}`,
  );
  return row;
}

/**
 * The requester's open request (not yet scheduled, declined or withdrawn) for the same course whose preferred
 * period overlaps the given one — a missing bound is open-ended. Read within the caller's own organisation.
 */
export async function findOpenDuplicate(
  tx: Tx,
  q: { requesterOrgId: number; courseTypeId: number; from: string | null; to: string | null },
): Promise<
  { id: number; courseCode: string; preferredFrom: string | null; preferredTo: string | null } | undefined
> {
  const [row] = await rows<{
    id: number;
    courseCode: string;
    preferredFrom: string | null;
    preferredTo: string | null;
  }>(
    tx,
    sql`SELECT r.id, ct.code AS "courseCode", r.preferred_from::text AS "preferredFrom",
          r.preferred_to::text AS "preferredTo"
        FROM training_requests r JOIN course_types ct ON ct.id = r.course_type_id
        WHERE r.requester_org_id = ${q.requesterOrgId} AND r.course_type_id = ${q.courseTypeId}
          AND r.status IN ('requested', 'accepted')
          AND (r.preferred_from IS NULL OR ${q.to}::date IS NULL OR r.preferred_from <= ${q.to}::date)
          AND (r.preferred_to IS NULL OR ${q.from}::date IS NULL OR r.preferred_to >= ${q.from}::date)
        ORDER BY r.id LIMIT 1`,
  );
  return row;
}

export async function insertRequest(tx: Tx, values: typeof trainingRequests.$inferInsert) {
  const [row] = await tx.insert(trainingRequests).values(values).returning();
  return row!;
}

export async function setRequestStatus(
  tx: Tx,
  id: number,
  status: RequestRow['status'],
  version: number,
  now: Date,
): Promise<void> {
  await tx
    .update(trainingRequests)
    .set({ status, version, updatedAt: now })
    .where(eq(trainingRequests.id, id));
}

export type RequestEdit = Pick<
  typeof trainingRequests.$inferInsert,
  'learners' | 'place' | 'preferredFrom' | 'preferredTo' | 'notes'
>;

export async function updateRequest(tx: Tx, id: number, edit: RequestEdit, version: number, now: Date) {
  await tx
    .update(trainingRequests)
    .set({ ...edit, version, updatedAt: now })
    .where(eq(trainingRequests.id, id));
}
