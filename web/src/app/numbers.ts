import { formatNumber, formatPercent, numberLocale } from '@contracts/numbers.ts';
import { useTranslation } from 'react-i18next';

/**
 * The web's one way to write numbers and percentages, in the interface language (vi 1.234,5 and 82,4% — en
 * 1,234.5 and 82.4%), by `src/contracts/numbers.ts`, which also reads what people type. No `toFixed`,
 * `toLocaleString` or `${x}%` elsewhere.
 */
export function useFormatNumber(): (value: number | null | undefined, digits?: number) => string {
  const { i18n } = useTranslation();
  const locale = numberLocale(i18n.language);
  return (value, digits) => formatNumber(value, locale, digits);
}

/** A percentage in points (82.4 → "82,4%"). */
export function useFormatPercent(): (points: number | null | undefined, digits?: number) => string {
  const { i18n } = useTranslation();
  const locale = numberLocale(i18n.language);
  return (points, digits) => formatPercent(points, locale, digits);
}

/** Outside a component (a chart's tick formatter built once): the same, for a language. */
export const numberFormatFor = (language: string) => ({
  number: (value: number | null | undefined, digits?: number) =>
    formatNumber(value, numberLocale(language), digits),
  percent: (points: number | null | undefined, digits?: number) =>
    formatPercent(points, numberLocale(language), digits),
});

/** Ant's Statistic groups with "," whatever the language: its `formatter` for numbers written our way. */
export function useStatisticNumber(): (value: number | string) => string {
  const fmt = useFormatNumber();
  return (value) => (typeof value === 'number' ? fmt(value) : value);
}
