import { and, eq, notInArray, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import type { Scope } from '../../../platform/scope.ts';
import { type PlanRow, planColumns, planVisibleSql } from '../plans.repo.ts';
import { planIndicators, planRevisions, plans } from '../plans.tables.ts';

export async function revisionsOf(db: Db | Tx, planId: number) {
  const list = await rows<{
    revision: number;
    revisedOn: string;
    documentNumber: string | null;
    reason: string;
    changes: Record<string, unknown>;
    createdAt: Date | string;
  }>(
    db,
    sql`SELECT revision, revised_on::text AS "revisedOn", document_number AS "documentNumber", reason, changes,
               created_at AS "createdAt"
        FROM plan_revisions WHERE plan_id = ${planId} ORDER BY revision`,
  );
  return list.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** The plan it implements and the visible plans implementing it (the chain of implementation). */
export async function relatedPlans(db: Db | Tx, scope: Scope, plan: PlanRow) {
  const [parent] = plan.implementsPlanId
    ? await rows<{ id: number; number: string; title: string }>(
        db,
        sql`SELECT pl.id, pl.number, pl.title FROM plans pl
            WHERE pl.id = ${plan.implementsPlanId} AND ${planVisibleSql(scope)}`,
      )
    : [];
  const implementedBy = await rows<{ id: number; number: string; issuerName: string; status: string }>(
    db,
    sql`SELECT pl.id, pl.number, o.name AS "issuerName", pl.status
        FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE pl.implements_plan_id = ${plan.id} AND ${planVisibleSql(scope)} ORDER BY o.search_text`,
  );
  return { implementsPlan: parent ?? null, implementedBy };
}

export async function listPlans(db: Db, scope: Scope) {
  return rows<PlanRow>(
    db,
    sql`SELECT ${planColumns} FROM plans pl JOIN organisations o ON o.id = pl.issuer_org_id
        WHERE ${planVisibleSql(scope)} ORDER BY pl.issued_on DESC, pl.id DESC LIMIT 500`,
  );
}

export async function insertPlan(tx: Tx, values: typeof plans.$inferInsert) {
  const [plan] = await tx.insert(plans).values(values).returning();
  return plan!;
}

/** Writes a plan's columns; `version` and `updatedAt` move on with every write. */
export async function updatePlanRow(
  tx: Tx,
  plan: { id: number; version: number },
  set: Partial<typeof plans.$inferInsert>,
) {
  await tx
    .update(plans)
    .set({ ...set, version: plan.version + 1, updatedAt: sql`now()` })
    .where(eq(plans.id, plan.id));
}

export type IndicatorColumns = Omit<typeof planIndicators.$inferInsert, 'planId' | 'position' | 'id'>;

/** Inserts new indicators and updates those whose code exists: targets and values keep their indicator. */
export async function upsertIndicators(tx: Tx, planId: number, list: IndicatorColumns[], from: number) {
  for (const [n, cols] of list.entries()) {
    await tx
      .insert(planIndicators)
      .values({ ...cols, planId, position: from + n })
      .onConflictDoUpdate({
        target: [planIndicators.planId, planIndicators.code],
        set: { ...cols, position: from + n },
      });
  }
}

/** Removes the indicators of a draft whose code the edit no longer lists. */
export async function deleteIndicatorsExcept(tx: Tx, planId: number, codes: string[]) {
  await tx
    .delete(planIndicators)
    .where(and(eq(planIndicators.planId, planId), notInArray(planIndicators.code, codes)));
}

export async function insertRevision(tx: Tx, values: typeof planRevisions.$inferInsert) {
  await tx.insert(planRevisions).values(values);
}
