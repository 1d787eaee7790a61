import { describe, expect, it } from 'vitest';
import { type RuleFacts, rulesFor } from './honours.rules.ts';

const rule = (
  id: number,
  orgPath: string | null,
  threshold: number,
  from = '2010-01-01',
  to: string | null = null,
) =>
  ({ id, orgPath, kind: 'individual', threshold, effectiveFrom: from, effectiveTo: to }) satisfies RuleFacts;

describe('honour rules in force for an organisation', () => {
  const national = rule(1, '1', 20);
  const province = rule(2, '1.2', 20);
  const other = rule(3, '1.3', 20);
  it('a province rule overrides the national one of the same threshold, only in its subtree', () => {
    expect(
      rulesFor([national, province, other], '1.2.5', '2021-01-01', '2021-12-31').map((r) => r.id),
    ).toEqual([2]);
    expect(rulesFor([national, province, other], '1.4', '2021-01-01', '2021-12-31').map((r) => r.id)).toEqual(
      [1],
    );
  });
  it('keeps other thresholds of the parent and drops rules out of force in the period', () => {
    const thirty = rule(4, null, 30);
    const old = rule(5, '1', 40, '2000-01-01', '2020-01-01');
    const later = rule(6, '1', 50, '2022-01-01');
    expect(
      rulesFor([province, thirty, old, later], '1.2', '2021-01-01', '2021-12-31').map((r) => r.id),
    ).toEqual([2, 4]);
    expect(rulesFor([old], '1.2', '2019-12-31', '2021-12-31').map((r) => r.id)).toEqual([5]);
  });
});
