import type { AuditWords } from '../contracts/audit-vocabulary.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/database.ts';
import type { ErrorCatalogue } from './errors.ts';
import type { HomeSource } from './home.ts';
import type { ModuleRoutes } from './http/app.ts';
import type { IndicatorSource } from './indicators.ts';
import type { DailyJobOptions, JobRun } from './scheduler.ts';
import type { SubtreeMoveHook } from './subtree-moves.ts';

/** A table's ltree column: a copy of an organisation's path, or a path recorded as history. */
export type PathColumn = { table: string; column: string };

export type ModuleJob =
  | { kind: 'daily'; name: string; run: JobRun; options?: DailyJobOptions }
  /** Run on every tick by every instance; `needsMailer`: only registered when SMTP_URL is set. */
  | { kind: 'tick'; name: string; run: JobRun; needsMailer?: boolean };

/**
 * A module's manifest — its one public declaration, exported from its `index.ts`. `src/modules/index.ts` lists the
 * manifests; the app (routes, OpenAPI tags), the scheduler (jobs), the subtree mover (path copies and hooks), the
 * reporting engine (indicator sources), the start-up (onStart), the audit log's words and the error-translation test read that list.
 * Nothing registers itself by being imported.
 */
export type ModuleDef = {
  /** The module's folder name under src/modules. */
  name: string;
  /** OpenAPI tags of its routes, in the order the docs list them. */
  tags?: { name: string; description?: string }[];
  routes?: ModuleRoutes[];
  /** Copies of an organisation's path its tables keep; a subtree move rewrites them in the move's transaction. */
  pathCopies?: PathColumn[];
  /** Paths recorded as history (where a unit stood when written), which must NOT follow a move. */
  pathHistory?: PathColumn[];
  /** Work after a subtree moved, in its transaction (e.g. plans move the moved units' roll-up totals). */
  subtreeMoveHooks?: Record<string, SubtreeMoveHook>;
  /** Figures from the module's records that plan indicators may name (see platform/indicators.ts). */
  indicatorSources?: IndicatorSource[];
  /** Blocks of the home page: what the caller must act on in the module (see platform/home.ts). */
  homeBlocks?: HomeSource[];
  jobs?: ModuleJob[];
  /** Its error definitions (`defineErrors(…).catalogue`): every code needs a Vietnamese and an English text. */
  errors?: ErrorCatalogue[];
  /**
   * The audit log's words of the actions and entity types it records (`defineAuditWords`, in
   * `src/contracts/<name>/audit-words.ts`); its web feature lists the same sets. The shared verbs need no listing.
   */
  auditWords?: AuditWords[];
  /** Idempotent work after migrations on every start (e.g. built-in data an empty database needs). */
  onStart?: (deps: { db: Db; clock: Clock }) => Promise<void>;
};

let installed: readonly ModuleDef[] | null = null;

/**
 * Makes the manifests the process's modules: called once by whatever opens the app — `buildApp`, the server,
 * the CLI, the test setup, the benchmarks. Refuses duplicate names, hooks, jobs and indicator keys.
 */
export function installModules(defs: readonly ModuleDef[]): void {
  if (installed === defs) return;
  const seen = new Set<string>();
  const once = (what: string) => {
    if (seen.has(what)) throw new Error(`module manifest: ${what} declared twice`);
    seen.add(what);
  };
  for (const m of defs) {
    once(`module ${m.name}`);
    for (const h of Object.keys(m.subtreeMoveHooks ?? {})) once(`subtree move hook ${h}`);
    for (const j of m.jobs ?? []) once(`job ${j.name}`);
    for (const s of m.indicatorSources ?? []) once(`indicator source ${s.key}`);
    for (const b of m.homeBlocks ?? []) once(`home block ${b.key}`);
  }
  installed = defs;
}

/** The installed manifests; a use before `installModules` is a programming error, never a silent no-op. */
export function installedModules(): readonly ModuleDef[] {
  if (!installed) throw new Error('modules are not installed: call installModules(modules) at start-up');
  return installed;
}
