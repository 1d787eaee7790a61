/**
 * Which honour rules hold for an organisation — pure. A rule of an organisation holds for its subtree; a rule
 * without an organisation is a national default. For the same kind and threshold the deepest organisation's
 * rule wins (a province's rule overrides the national one); among rules of one organisation, the latest.
 */
import { isWithin } from '../../../platform/scope.ts';

export type RuleFacts = {
  id: number;
  orgPath: string | null;
  kind: 'individual' | 'family';
  threshold: number;
  effectiveFrom: string;
  effectiveTo: string | null;
};

/** In force at some day of [from, to] (effective_to exclusive). */
export const inForceDuring = (r: RuleFacts, from: string, to: string) =>
  r.effectiveFrom <= to && (r.effectiveTo === null || r.effectiveTo > from);

export const appliesTo = (r: RuleFacts, orgPath: string) =>
  r.orgPath === null || isWithin(orgPath, r.orgPath);

const depth = (r: RuleFacts) => (r.orgPath === null ? 0 : r.orgPath.split('.').length);

/** The rules that hold for `orgPath` during [from, to], one per kind and threshold, lowest threshold first. */
export function rulesFor<R extends RuleFacts>(
  rules: readonly R[],
  orgPath: string,
  from: string,
  to: string,
): R[] {
  const best = new Map<string, R>();
  for (const r of rules) {
    if (!appliesTo(r, orgPath) || !inForceDuring(r, from, to)) continue;
    const key = `${r.kind}:${r.threshold}`;
    const had = best.get(key);
    if (!had || depth(r) > depth(had) || (depth(r) === depth(had) && r.effectiveFrom > had.effectiveFrom))
      best.set(key, r);
  }
  return [...best.values()].sort((a, b) => a.threshold - b.threshold || a.id - b.id);
}

/** Same honour (kind and threshold) — a donor holds an honour of a level once, whichever body's rule it was. */
export const sameLevel = (
  a: Pick<RuleFacts, 'kind' | 'threshold'>,
  b: Pick<RuleFacts, 'kind' | 'threshold'>,
) => a.kind === b.kind && a.threshold === b.threshold;
