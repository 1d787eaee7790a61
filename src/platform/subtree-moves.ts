import { sql } from 'drizzle-orm';
import type { Tx } from './db/database.ts';

/**
 * Rows of organisation-owned tables carry a copy of their organisation's ltree path, so that `scopeSql` filters
 * them without a join. When a subtree moves (an organisation is moved, or a merger moves units to the
 * successor), every copy inside it must move in the same transaction, or the moved units' rows would stay
 * visible to the old parent's officers and hidden from the new one's.
 *
 * `test/subtree-moves.test.ts` reads the schema and fails when a table gains an ltree column that is in neither
 * list, so a new module cannot forget its copies.
 */
export const orgPathCopies: readonly { table: string; column: string }[] = [
  { table: 'people', column: 'org_path' },
  { table: 'plans', column: 'issuer_path' },
  { table: 'plan_recipients', column: 'org_path' },
  { table: 'plan_reports', column: 'org_path' },
  { table: 'trainers', column: 'org_path' },
  { table: 'training_requests', column: 'requester_path' },
  { table: 'training_requests', column: 'provider_path' },
  { table: 'training_classes', column: 'provider_path' },
  { table: 'certificates', column: 'issuer_path' },
  { table: 'workforce_counts', column: 'org_path' },
];

/** Paths recorded as history, which must NOT follow a move: the audit log says where a unit stood when written. */
export const orgPathHistory: readonly { table: string; column: string }[] = [
  { table: 'organisations', column: 'path' },
  { table: 'audit_log', column: 'org_path' },
];

export type SubtreeMove = {
  /** The moved root's path before and after the move, and its old and new parent's path. */
  oldPath: string;
  newPath: string;
  oldParentPath: string;
  newParentPath: string;
};

/** Work a module must do after a subtree moved (e.g. plans move the moved units' totals to their new ancestors). */
export type SubtreeMoveHook = (tx: Tx, move: SubtreeMove) => Promise<void>;

const hooks = new Map<string, SubtreeMoveHook>();

export function registerSubtreeMoveHook(name: string, hook: SubtreeMoveHook): void {
  if (hooks.has(name)) throw new Error(`subtree move hook ${name} registered twice`);
  hooks.set(name, hook);
}

/** Moves every path copy inside `oldPath` under `newParentPath`, then runs the modules' hooks — in `tx`. */
export async function moveOrgPathCopies(tx: Tx, move: SubtreeMove): Promise<void> {
  for (const { table, column } of orgPathCopies) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    await tx.execute(
      sql`UPDATE ${t} SET ${c} = ${move.newParentPath}::ltree || subpath(${c}, nlevel(${move.oldPath}::ltree) - 1)
          WHERE ${c} <@ ${move.oldPath}::ltree`,
    );
  }
  for (const hook of hooks.values()) await hook(tx, move);
}
