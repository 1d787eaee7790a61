/** Pure rules of workplace compliance: the first-aider requirement of TT 19/2016, the courses required. */

export const FIRST_AID_SOURCE = 'Thông tư 19/2016/TT-BYT (lực lượng sơ cứu tại nơi làm việc)';

/**
 * First-aiders a workplace must have (Thông tư 19/2016/TT-BYT, hướng dẫn quản lý vệ sinh lao động và sức khỏe
 * người lao động — bố trí lực lượng sơ cứu; see DOMAIN.md "Workplace first aid"):
 * - strict-OSH jobs (nghề, công việc có yêu cầu nghiêm ngặt về ATVSLĐ): 1 per 100 workers started, ⌈n / 100⌉;
 * - other workplaces: 1 below 200 workers; from 200 on, 1 more per 150 workers started
 *   (200–349 → 2, 350–499 → 3, …), i.e. 1 + ⌈(n − 199) / 150⌉.
 * No workers, no first-aider.
 */
export function firstAidersRequired(headcount: number, strict: boolean): number {
  if (!Number.isFinite(headcount) || headcount <= 0) return 0;
  const n = Math.floor(headcount);
  if (strict) return Math.ceil(n / 100);
  if (n < 200) return 1;
  return 1 + Math.ceil((n - 199) / 150);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Workers must hold the workplace first-aid course (TT 19/2016) and OSH training (NĐ 44/2016, group 4 unless another). */
export const DEFAULT_REQUIRED_COURSES = ['SCC_NLD', 'ATVSLD_N4'];
