import type { z } from 'zod';
import type { indicatorInput } from '../../../contracts/plans.ts';
import { errors } from '../../../platform/errors.ts';
import { indicatorSource } from '../../../platform/indicators.ts';
import type { IndicatorColumns } from './lifecycle.repo.ts';

export type IndicatorInput = z.output<typeof indicatorInput>;

/** An indicator may name a registered source that can feed its kind. */
export function checkSources(list: IndicatorInput[], base: string) {
  const issues = list.flatMap((i, n) => {
    if (!i.source) return [];
    const src = indicatorSource(i.source);
    if (!src) return [{ path: `${base}.${n}.source`, message: `Không có nguồn số liệu ${i.source}` }];
    return src.kinds.includes(i.kind)
      ? []
      : [{ path: `${base}.${n}.source`, message: `Nguồn ${src.nameVi} không dùng cho loại chỉ tiêu này` }];
  });
  if (issues.length) throw errors.validation(issues);
}

/** The columns of an indicator row from a body (or from another plan's indicator). */
export function indicatorColumns({ breakdown, ...i }: IndicatorInput): IndicatorColumns {
  return {
    ...i,
    source: i.source ?? null,
    minValue: i.minValue ?? null,
    maxValue: i.maxValue ?? null,
    numeratorLabel: i.numeratorLabel ?? null,
    denominatorLabel: i.denominatorLabel ?? null,
    breakdownLabel: breakdown?.label ?? null,
    breakdownCategories: breakdown?.categories ?? null,
  };
}

export const kindNames: Record<'plan' | 'guidance' | 'programme' | 'official_letter', string> = {
  plan: 'Kế hoạch',
  guidance: 'Hướng dẫn',
  programme: 'Chương trình',
  official_letter: 'Công văn',
};
