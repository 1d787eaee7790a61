import type { Db, Tx } from './db/database.ts';
import { installedModules } from './modules.ts';

/**
 * The indicator interface between the reporting engine (plans) and the modules that keep records (training,
 * volunteers, blood donation, OSH…). A module lists its sources in its manifest (`ModuleDef.indicatorSources`);
 * a plan indicator may name one, and each unit's report form then opens with the value computed from the unit's
 * own records for the period — people confirm a number instead of retyping it. The value is still submitted,
 * versioned and rolled up like any other, so totals stay exact and auditable even when records change later.
 */
export type IndicatorKindName = 'count' | 'sum' | 'ratio' | 'yes_no';

export type SourceQuery = {
  /** The reporting unit and its subtree path. */
  orgId: number;
  orgPath: string;
  /** The period's first and last calendar day (inclusive, ISO). */
  start: string;
  end: string;
};

export type SourceValue = {
  value: number;
  denominator?: number;
  breakdown?: { category: string; value: number }[];
};

export type IndicatorSource = {
  /** Stable key, `module.name`, e.g. `training.learners_certified`. */
  key: string;
  nameVi: string;
  nameEn: string;
  /** The indicator kinds this source can feed. */
  kinds: IndicatorKindName[];
  compute: (db: Db | Tx, q: SourceQuery) => Promise<SourceValue | null>;
};

/** The source with this key among the installed modules' manifests. */
export function indicatorSource(key: string): IndicatorSource | undefined {
  for (const m of installedModules()) {
    const found = m.indicatorSources?.find((s) => s.key === key);
    if (found) return found;
  }
  return undefined;
}

export function listIndicatorSources(): Omit<IndicatorSource, 'compute'>[] {
  return installedModules().flatMap((m) => (m.indicatorSources ?? []).map(({ compute: _c, ...s }) => s));
}
