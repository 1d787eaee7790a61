/**
 * PostgreSQL array literals for a query's parameters (`unnest(${intArray(ids)}::int[])`): one parameter whatever the
 * number of ids, where `IN (…)` would send thousands. `textArray` is for values without commas, quotes or braces
 * (ISO dates, codes).
 */
export const intArray = (ids: readonly number[]): string => `{${ids.join(',')}}`;
export const textArray = (xs: readonly string[]): string => `{${xs.join(',')}}`;
