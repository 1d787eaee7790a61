import { sql } from 'drizzle-orm';
import { byVietnameseName } from '../../../contracts/names.ts';
import { type Db, rows, type Tx } from '../../../platform/db/database.ts';
import { type Scope, scopeSql } from '../../../platform/scope.ts';
import { trainers } from '../training.tables.ts';

/** SQL of trainers: the list, their row locks and the overlap of their teaching. */

export type TrainerRow = {
  id: number;
  personId: number;
  fullName: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  qualification: string;
  courseCodes: string[];
  active: boolean;
};

const trainerSelect = sql`SELECT t.id, t.person_id AS "personId", p.full_name AS "fullName", t.org_id AS "orgId",
  o.name AS "orgName", t.org_path::text AS "orgPath", t.qualification, t.course_codes AS "courseCodes", t.active
  FROM trainers t JOIN people p ON p.id = t.person_id JOIN organisations o ON o.id = t.org_id`;

export async function listTrainers(db: Db, scope: Scope, orgPath?: string): Promise<TrainerRow[]> {
  const list = await rows<TrainerRow>(
    db,
    sql`${trainerSelect} WHERE ${scopeSql(scope, sql`t.org_path`)}
        ${orgPath ? sql`AND t.org_path <@ ${orgPath}::ltree` : sql``} ORDER BY t.id`,
  );
  return byVietnameseName(list, (t) => t.fullName);
}

/**
 * Trainers by id, locked FOR UPDATE in id order: two assignments of one trainer (or a session change of a
 * class the trainer teaches) are serialised, so both cannot pass the overlap check; the order avoids deadlocks.
 */
export async function lockTrainers(tx: Tx, scope: Scope, ids: number[]): Promise<TrainerRow[]> {
  if (ids.length === 0) return [];
  return rows<TrainerRow>(
    tx,
    sql`${trainerSelect} WHERE t.id = ANY(${`{${ids.join(',')}}`}::int[]) AND ${scopeSql(scope, sql`t.org_path`)}
        ORDER BY t.id FOR UPDATE OF t`,
  );
}

/** Other live classes where these trainers teach a session overlapping one of `classId`'s sessions. */
export async function trainerOverlaps(tx: Tx, classId: number, trainerIds: number[]) {
  if (trainerIds.length === 0) return [];
  return rows<{ trainerId: number; classCode: string }>(
    tx,
    sql`SELECT DISTINCT ct.trainer_id AS "trainerId", c2.code AS "classCode"
        FROM class_trainers ct
        JOIN training_classes c2 ON c2.id = ct.class_id AND c2.id <> ${classId} AND c2.status <> 'cancelled'
        JOIN class_sessions s2 ON s2.class_id = c2.id
        JOIN class_sessions s1 ON s1.class_id = ${classId}
        WHERE ct.trainer_id = ANY(${`{${trainerIds.join(',')}}`}::int[])
          AND s1.starts_at < s2.ends_at AND s2.starts_at < s1.ends_at
        ORDER BY 1, 2`,
  );
}

/** Inserts a trainer; undefined when the person is already a trainer of the organisation. */
export async function insertTrainer(
  tx: Tx,
  values: typeof trainers.$inferInsert,
): Promise<number | undefined> {
  const [row] = await tx.insert(trainers).values(values).onConflictDoNothing().returning({ id: trainers.id });
  return row?.id;
}
