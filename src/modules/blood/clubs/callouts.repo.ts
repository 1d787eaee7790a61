import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import type { DonorFacts } from '../donors/eligibility.rules.ts';

/**
 * SQL of rare-blood call-outs. What a requester reads (`CalloutRow`, `DonorRefRow`) holds no person: counts and
 * each reply's number within its call-out ("Người hiến #3"). Only `findCandidates` and `myCallouts` read people,
 * for the platform to notify them and for the donor's own page.
 */

export type CalloutRow = {
  id: number;
  requesterOrgId: number;
  requesterName: string;
  requesterPath: string;
  clubId: number | null;
  clubName: string | null;
  abo: 'O' | 'A' | 'B' | 'AB';
  rh: 'pos' | 'neg';
  units: number;
  place: string;
  provinceCode: string;
  provinceName: string | null;
  neededBy: string;
  status: 'open' | 'filled' | 'closed';
  createdAt: string;
  notified: number;
  accepted: number;
  declined: number;
  came: number;
  noShow: number;
};

const calloutSelect = sql`SELECT b.id, b.requester_org_id AS "requesterOrgId", o.name AS "requesterName",
  b.requester_path::text AS "requesterPath", b.club_id AS "clubId", c.name AS "clubName", b.abo, b.rh, b.units,
  b.place, b.province_code AS "provinceCode", au.name AS "provinceName",
  to_char(b.needed_by AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "neededBy", b.status,
  to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  (SELECT count(*)::int FROM callout_replies r WHERE r.callout_id = b.id) AS notified,
  (SELECT count(*)::int FROM callout_replies r WHERE r.callout_id = b.id AND r.status IN ('accepted','came','no_show')) AS accepted,
  (SELECT count(*)::int FROM callout_replies r WHERE r.callout_id = b.id AND r.status = 'declined') AS declined,
  (SELECT count(*)::int FROM callout_replies r WHERE r.callout_id = b.id AND r.status = 'came') AS came,
  (SELECT count(*)::int FROM callout_replies r WHERE r.callout_id = b.id AND r.status = 'no_show') AS "noShow"
  FROM blood_callouts b JOIN organisations o ON o.id = b.requester_org_id
  LEFT JOIN donor_clubs c ON c.id = b.club_id LEFT JOIN admin_units au ON au.code = b.province_code`;

export async function listCallouts(db: Db, scope: Scope, orgPath?: string): Promise<CalloutRow[]> {
  return rows<CalloutRow>(
    db,
    sql`${calloutSelect} WHERE ${scopeSql(scope, sql`b.requester_path`)}
        ${orgPath ? sql`AND b.requester_path <@ ${orgPath}::ltree` : sql``}
        ORDER BY b.needed_by DESC, b.id DESC LIMIT 500`,
  );
}

export async function findCallout(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [row] = await rows<CalloutRow>(
    db,
    sql`${calloutSelect} WHERE b.id = ${id} AND ${scopeSql(scope, sql`b.requester_path`)}
        ${lock ? sql`FOR UPDATE OF b` : sql``}`,
  );
  return row;
}

/** Accepted (and later came / no-show) replies by their number within the call-out — never the person. */
export type DonorRefRow = { ref: number; status: 'accepted' | 'came' | 'no_show' };
export async function donorRefs(db: Db | Tx, calloutId: number): Promise<DonorRefRow[]> {
  return rows<DonorRefRow>(
    db,
    sql`SELECT ref, status FROM (
          SELECT row_number() OVER (ORDER BY r.id)::int AS ref, r.status FROM callout_replies r
          WHERE r.callout_id = ${calloutId}) x
        WHERE status IN ('accepted', 'came', 'no_show') ORDER BY ref`,
  );
}

/** Sets the status of the replies numbered `refs` (accepted ones only); answers the refs it changed. */
export async function markRefs(tx: Tx, calloutId: number, refs: number[], status: 'came' | 'no_show') {
  if (refs.length === 0) return [];
  const done = await rows<{ ref: number }>(
    tx,
    sql`UPDATE callout_replies r SET status = ${status} FROM (
          SELECT id, row_number() OVER (ORDER BY id)::int AS ref FROM callout_replies WHERE callout_id = ${calloutId}) x
        WHERE r.id = x.id AND x.ref = ANY(${`{${refs.join(',')}}`}::int[])
          AND r.status IN ('accepted', 'came', 'no_show') RETURNING x.ref`,
  );
  return done.map((d) => d.ref);
}

export async function setCalloutStatus(tx: Tx, id: number, status: CalloutRow['status']) {
  await tx.execute(sql`UPDATE blood_callouts SET status = ${status} WHERE id = ${id}`);
}

export type CalloutWrite = {
  requesterOrgId: number;
  requesterPath: string;
  clubId: number | null;
  abo: string;
  rh: string;
  units: number;
  place: string;
  provinceCode: string;
  neededBy: string;
  createdBy: number;
};

export async function insertCallout(tx: Tx, c: CalloutWrite): Promise<number> {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO blood_callouts (requester_org_id, requester_path, club_id, abo, rh, units, place, province_code,
          needed_by, created_by)
        VALUES (${c.requesterOrgId}, ${c.requesterPath}::ltree, ${c.clubId}, ${c.abo}, ${c.rh}, ${c.units},
          ${c.place}, ${c.provinceCode}, ${c.neededBy}::timestamptz, ${c.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export type Candidate = Omit<DonorFacts, 'history'> & { personId: number; userId: number | null };

/**
 * Donors who may be asked: the group matches, they consented to be contacted, and they live in the province or are
 * active members of a club of the province — or, when a club is named, active members of that club. Deliberately
 * unscoped: the requester never sees who they are, only how many answered.
 */
export async function findCandidates(
  tx: Tx,
  q: { abo: string; rh: string; provinceCode: string; clubId: number | null; day: string },
): Promise<Candidate[]> {
  const activeMember = sql`m.person_id = dp.person_id AND m.since <= ${q.day}::date
    AND (m.until IS NULL OR m.until >= ${q.day}::date)`;
  const where = q.clubId
    ? sql`EXISTS (SELECT 1 FROM donor_club_members m WHERE m.club_id = ${q.clubId} AND ${activeMember})`
    : sql`(dp.home_province_code = ${q.provinceCode} OR EXISTS (SELECT 1 FROM donor_club_members m
           JOIN donor_clubs c ON c.id = m.club_id WHERE c.province_code = ${q.provinceCode} AND ${activeMember}))`;
  return rows<Candidate>(
    tx,
    sql`SELECT dp.person_id AS "personId", p.birth_date::text AS "birthDate", p.sex,
          dp.weight_kg::float8 AS "weightKg", u.id AS "userId"
        FROM donor_profiles dp JOIN people p ON p.id = dp.person_id AND p.status = 'active'
        LEFT JOIN users u ON u.person_id = dp.person_id AND u.is_active
        WHERE dp.abo = ${q.abo} AND dp.rh = ${q.rh} AND dp.consent_contact AND dp.preferred_contact <> 'none'
          AND ${where}
        ORDER BY dp.person_id`,
  );
}

/** The candidates' attempts up to the day, for the interval and deferral rules (reasons are not read). */
export async function historyOf(tx: Tx, personIds: number[], day: string) {
  if (personIds.length === 0) return [];
  return rows<DonorFacts['history'][number] & { personId: number }>(
    tx,
    sql`SELECT person_id AS "personId", donated_on::text AS "donatedOn", kind, outcome,
          deferral_until::text AS "deferralUntil", deferral_permanent AS "deferralPermanent",
          NULL AS "deferralReason"
        FROM blood_donations WHERE person_id = ANY(${`{${personIds.join(',')}}`}::int[])
          AND donated_on <= ${day}::date`,
  );
}

export async function insertReplies(tx: Tx, calloutId: number, personIds: number[]) {
  if (personIds.length === 0) return;
  await tx.execute(
    sql`INSERT INTO callout_replies (callout_id, person_id, status)
        SELECT ${calloutId}, x, 'notified' FROM unnest(${`{${personIds.join(',')}}`}::int[]) AS x`,
  );
}

export type MyCalloutRow = {
  id: number;
  replyId: number;
  requesterName: string;
  abo: 'O' | 'A' | 'B' | 'AB';
  rh: 'pos' | 'neg';
  place: string;
  provinceName: string | null;
  neededBy: string;
  calloutStatus: CalloutRow['status'];
  reply: 'notified' | 'accepted' | 'declined' | 'came' | 'no_show';
  repliedAt: string | null;
  past: boolean;
};

/** The call-outs a person was asked to answer (their own page). */
export async function myCallouts(db: Db | Tx, personId: number, now: Date, calloutId?: number, lock = false) {
  return rows<MyCalloutRow>(
    db,
    sql`SELECT b.id, r.id AS "replyId", o.name AS "requesterName", b.abo, b.rh, b.place,
          au.name AS "provinceName",
          to_char(b.needed_by AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "neededBy",
          b.status AS "calloutStatus", r.status AS reply,
          to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "repliedAt",
          b.needed_by < ${now.toISOString()}::timestamptz AS past
        FROM callout_replies r JOIN blood_callouts b ON b.id = r.callout_id
        JOIN organisations o ON o.id = b.requester_org_id LEFT JOIN admin_units au ON au.code = b.province_code
        WHERE r.person_id = ${personId} ${calloutId ? sql`AND b.id = ${calloutId}` : sql``}
        ORDER BY b.needed_by DESC ${lock ? sql`FOR UPDATE OF r` : sql``}`,
  );
}

export async function setReply(tx: Tx, replyId: number, status: 'accepted' | 'declined', now: Date) {
  await tx.execute(
    sql`UPDATE callout_replies SET status = ${status}, replied_at = ${now.toISOString()}::timestamptz
        WHERE id = ${replyId}`,
  );
}

export async function personOfUser(db: Db | Tx, userId: number): Promise<number | null> {
  const [row] = await rows<{ personId: number | null }>(
    db,
    sql`SELECT person_id AS "personId" FROM users WHERE id = ${userId}`,
  );
  return row?.personId ?? null;
}
