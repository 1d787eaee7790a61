import { eq, type SQL, sql } from 'drizzle-orm';
import type { WaveStatusCode } from '../../../contracts/volunteers/waves.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { matchesSearch } from '../../../platform/db/sql-helpers.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { mobilisationWaves, waveDestinations, waveNeeds, waveQuotas, waveTopics } from './waves.tables.ts';

/** SQL of the waves themselves: the wave, its destinations, needs, topics and quotas. */

/**
 * A wave is visible to the issuer's side (its issuer in the caller's scope) and, once it is no longer a draft, to
 * each institution it asks (one of its quotas in the caller's scope) — which then sees only its own quotas.
 */
export function waveVisibleSql(scope: Scope): SQL {
  return sql`(${scopeSql(scope, sql`w.issuer_path`)} OR (w.status <> 'draft' AND EXISTS (
    SELECT 1 FROM wave_quotas vq WHERE vq.wave_id = w.id AND ${scopeSql(scope, sql`vq.org_path`)})))`;
}

export type WaveRow = {
  id: number;
  issuerOrgId: number;
  issuerPath: string;
  issuerName: string;
  title: string;
  basisKind: 'decision' | 'order' | 'official_letter' | 'plan' | 'other';
  basisNumber: string | null;
  basisDate: string;
  basisSigner: string;
  basisSummary: string | null;
  startsOn: string;
  endsOn: string;
  namesDueOn: string | null;
  status: WaveStatusCode;
  statusReason: string | null;
  openedAt: string | null;
  version: number;
};

const waveSelect = sql`SELECT w.id, w.issuer_org_id AS "issuerOrgId", w.issuer_path::text AS "issuerPath",
  o.name AS "issuerName", w.title, w.basis_kind AS "basisKind", w.basis_number AS "basisNumber",
  w.basis_date::text AS "basisDate", w.basis_signer AS "basisSigner", w.basis_summary AS "basisSummary",
  w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn", w.names_due_on::text AS "namesDueOn", w.status,
  w.status_reason AS "statusReason", to_char(w.opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "openedAt",
  w.version`;

export async function findWave(db: Db | Tx, scope: Scope, id: number, lock = false) {
  const [row] = await rows<WaveRow>(
    db,
    sql`${waveSelect} FROM mobilisation_waves w JOIN organisations o ON o.id = w.issuer_org_id
        WHERE w.id = ${id} AND ${waveVisibleSql(scope)} ${lock ? sql`FOR UPDATE OF w` : sql``}`,
  );
  return row;
}

export type WaveListRow = WaveRow & { quotaTotal: number; filled: number; neededTotal: number };

/** Waves the caller sees, newest first; quota and fill are summed over the quotas the caller sees. */
export async function listWaves(db: Db, scope: Scope, f: { status?: string; q?: string }) {
  const own = sql`(${scopeSql(scope, sql`w.issuer_path`)} OR ${scopeSql(scope, sql`q.org_path`)})`;
  return rows<WaveListRow>(
    db,
    sql`${waveSelect},
          coalesce((SELECT sum(q.quota) FROM wave_quotas q WHERE q.wave_id = w.id AND ${own}), 0)::int AS "quotaTotal",
          (SELECT count(*) FROM wave_members m JOIN wave_quotas q ON q.id = m.quota_id
            WHERE m.wave_id = w.id AND m.status IN ('proposed', 'accepted') AND ${own})::int AS "filled",
          coalesce((SELECT sum(n.headcount) FROM wave_needs n WHERE n.wave_id = w.id), 0)::int AS "neededTotal"
        FROM mobilisation_waves w JOIN organisations o ON o.id = w.issuer_org_id
        WHERE ${waveVisibleSql(scope)} ${f.status ? sql`AND w.status = ${f.status}` : sql``}
          ${f.q ? sql`AND ${matchesSearch(sql`lower(ct_unaccent(w.title || ' ' || coalesce(w.basis_number, '')))`, f.q)}` : sql``}
        ORDER BY w.starts_on DESC, w.id DESC LIMIT 500`,
  );
}

export async function waveParts(db: Db | Tx, waveId: number) {
  const [destinations, needs, topics] = await Promise.all([
    rows<{
      id: number;
      name: string;
      adminUnitCode: string;
      adminUnitName: string;
      adminUnitAsOf: string;
      currentAdminUnitCode: string | null;
      address: string | null;
    }>(
      db,
      sql`SELECT id, name, admin_unit_code AS "adminUnitCode", admin_unit_name AS "adminUnitName",
                 admin_unit_as_of::text AS "adminUnitAsOf", current_admin_unit_code AS "currentAdminUnitCode", address
          FROM wave_destinations WHERE wave_id = ${waveId} ORDER BY id`,
    ),
    rows<{ id: number; skill: string; headcount: number; destinationId: number | null }>(
      db,
      sql`SELECT id, skill, headcount, destination_id AS "destinationId" FROM wave_needs
          WHERE wave_id = ${waveId} ORDER BY id`,
    ),
    rows<{ courseTypeId: number; code: string; name: string }>(
      db,
      sql`SELECT c.id AS "courseTypeId", c.code, c.name_vi AS name FROM wave_topics t
          JOIN course_types c ON c.id = t.course_type_id WHERE t.wave_id = ${waveId} ORDER BY c.code`,
    ),
  ]);
  return { destinations, needs, topics };
}

export type QuotaRow = {
  id: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  quota: number;
  pledged: number | null;
  answeredAt: string | null;
  note: string | null;
  proposed: number;
  accepted: number;
  refused: number;
  version: number;
};

/** A wave's quotas with their members counted; `scope` null = all of them (the issuer's side). */
export async function quotasOf(db: Db | Tx, waveId: number, scope: Scope | null): Promise<QuotaRow[]> {
  return rows<QuotaRow>(
    db,
    sql`SELECT q.id, q.org_id AS "orgId", q.org_path::text AS "orgPath", o.name AS "orgName", q.quota, q.pledged,
               to_char(q.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "answeredAt", q.note,
               count(m.id) FILTER (WHERE m.status = 'proposed')::int AS proposed,
               count(m.id) FILTER (WHERE m.status = 'accepted')::int AS accepted,
               count(m.id) FILTER (WHERE m.status = 'refused')::int AS refused, q.version
        FROM wave_quotas q JOIN organisations o ON o.id = q.org_id
        LEFT JOIN wave_members m ON m.quota_id = q.id
        WHERE q.wave_id = ${waveId} ${scope ? sql`AND ${scopeSql(scope, sql`q.org_path`)}` : sql``}
        GROUP BY q.id, o.name ORDER BY o.name, q.id`,
  );
}

export async function quotaTotal(db: Db | Tx, waveId: number): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT coalesce(sum(quota), 0)::int AS n FROM wave_quotas WHERE wave_id = ${waveId}`,
  );
  return r?.n ?? 0;
}

/** Course types that exist, of the given ids. */
export async function existingCourses(db: Db | Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const got = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM course_types WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Set(got.map((r) => r.id));
}

export type WaveWrite = Omit<typeof mobilisationWaves.$inferInsert, 'id'>;

export async function insertWave(tx: Tx, values: WaveWrite): Promise<number> {
  const [row] = await tx.insert(mobilisationWaves).values(values).returning({ id: mobilisationWaves.id });
  return row!.id;
}

export async function updateWave(tx: Tx, id: number, values: Partial<WaveWrite>, version: number, now: Date) {
  await tx
    .update(mobilisationWaves)
    .set({ ...values, version, updatedAt: now })
    .where(eq(mobilisationWaves.id, id));
}

export type PartsWrite = {
  destinations: Omit<typeof waveDestinations.$inferInsert, 'waveId'>[];
  needs: { skill: string; headcount: number; destinationIndex: number | null }[];
  topicIds: number[];
};

/** Writes a draft wave's destinations, needs and topics anew (a draft has no members or assignments yet). */
export async function replaceParts(tx: Tx, waveId: number, p: PartsWrite) {
  await tx.delete(waveNeeds).where(eq(waveNeeds.waveId, waveId));
  await tx.delete(waveTopics).where(eq(waveTopics.waveId, waveId));
  await tx.delete(waveDestinations).where(eq(waveDestinations.waveId, waveId));
  const dest = await tx
    .insert(waveDestinations)
    .values(p.destinations.map((d) => ({ ...d, waveId })))
    .returning({ id: waveDestinations.id });
  if (p.needs.length)
    await tx.insert(waveNeeds).values(
      p.needs.map((n) => ({
        waveId,
        skill: n.skill,
        headcount: n.headcount,
        destinationId: n.destinationIndex == null ? null : (dest[n.destinationIndex]?.id ?? null),
      })),
    );
  if (p.topicIds.length)
    await tx.insert(waveTopics).values(p.topicIds.map((courseTypeId) => ({ waveId, courseTypeId })));
}

/**
 * Sets a wave's quotas to the list: changed numbers updated, new institutions added, those left out removed
 * (the service refuses to remove one with members). Answers nothing; the caller reads them back.
 */
export async function writeQuotas(
  tx: Tx,
  waveId: number,
  list: { orgId: number; orgPath: string; quota: number }[],
) {
  const keep = list.map((q) => q.orgId);
  await tx.execute(
    sql`DELETE FROM wave_quotas WHERE wave_id = ${waveId} AND NOT (org_id = ANY(${`{${keep.join(',')}}`}::int[]))`,
  );
  for (const q of list)
    await tx
      .insert(waveQuotas)
      .values({ waveId, orgId: q.orgId, orgPath: q.orgPath, quota: q.quota })
      .onConflictDoUpdate({
        target: [waveQuotas.waveId, waveQuotas.orgId],
        set: { quota: q.quota, version: sql`${waveQuotas.version} + 1` },
      });
}

export async function setWaveStatus(
  tx: Tx,
  id: number,
  status: WaveStatusCode,
  reason: string | null,
  version: number,
  now: Date,
) {
  await tx
    .update(mobilisationWaves)
    .set({
      status,
      version,
      updatedAt: now,
      ...(reason !== null ? { statusReason: reason } : {}),
      ...(status === 'open' ? { openedAt: now } : {}),
    })
    .where(eq(mobilisationWaves.id, id));
}

export async function setPledge(tx: Tx, quotaId: number, pledged: number, note: string | null, now: Date) {
  await tx
    .update(waveQuotas)
    .set({ pledged, note, answeredAt: now, version: sql`${waveQuotas.version} + 1` })
    .where(eq(waveQuotas.id, quotaId));
}
