import { sql } from 'drizzle-orm';
import type { Tx } from './db/database.ts';
import { installedModules, type PathColumn } from './modules.ts';

/**
 * Rows of organisation-owned tables carry a copy of their organisation's ltree path, so that `scopeSql` filters
 * them without a join. When a subtree moves (an organisation is moved, or a merger moves units to the
 * successor), every copy inside it must move in the same transaction, or the moved units' rows would stay
 * visible to the old parent's officers and hidden from the new one's.
 *
 * Each module declares its copies in its manifest (`ModuleDef.pathCopies`). `test/subtree-moves.test.ts` reads the
 * schema and fails when a table gains an ltree column that no manifest lists, so a new module cannot forget one.
 *
 * Every copy of an organisation's path the installed modules declare (`ModuleDef.pathCopies`). */
export function orgPathCopies(): PathColumn[] {
  return installedModules().flatMap((m) => m.pathCopies ?? []);
}

/**
 * Paths recorded as history, which must NOT follow a move: the audit log says where a unit stood when written.
 * The platform's own audit log, then what the modules declare (`ModuleDef.pathHistory`).
 */
export function orgPathHistory(): PathColumn[] {
  return [
    { table: 'audit_log', column: 'org_path' },
    ...installedModules().flatMap((m) => m.pathHistory ?? []),
  ];
}

export type SubtreeMove = {
  /** The moved root's path before and after the move, and its old and new parent's path. */
  oldPath: string;
  newPath: string;
  oldParentPath: string;
  newParentPath: string;
};

/** Work a module must do after a subtree moved (e.g. plans move the moved units' totals to their new ancestors). */
export type SubtreeMoveHook = (tx: Tx, move: SubtreeMove) => Promise<void>;

/** Moves every path copy inside `oldPath` under `newParentPath`, then runs the modules' hooks — in `tx`. */
export async function moveOrgPathCopies(tx: Tx, move: SubtreeMove): Promise<void> {
  for (const { table, column } of orgPathCopies()) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    await tx.execute(
      sql`UPDATE ${t} SET ${c} = ${move.newParentPath}::ltree || subpath(${c}, nlevel(${move.oldPath}::ltree) - 1)
          WHERE ${c} <@ ${move.oldPath}::ltree`,
    );
  }
  for (const m of installedModules())
    for (const hook of Object.values(m.subtreeMoveHooks ?? {})) await hook(tx, move);
}
