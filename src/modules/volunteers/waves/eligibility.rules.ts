import { VOLUNTEER_MIN_AGE } from '../../../contracts/volunteers/common.ts';
import type { RefusalReason } from './waves.tables.ts';

/**
 * Whether a volunteer proposed for a wave can go, and if not every reason why — a pure function of what the
 * repositories read for the whole list at once (set-based), so it is tested without a database.
 */

export type EligibilityWave = {
  startsOn: string;
  endsOn: string;
  topics: { courseTypeId: number; name: string }[];
};

export type EligibilityFacts = {
  status: string;
  birthDate: string | null;
  /** The volunteer's qualifications (skill code, expiry). */
  qualifications: { skill: string; expiresOn: string | null }[];
  /** Course types completed: a valid certificate not expired on the wave's start, or a passed completed class. */
  completedTopicIds: ReadonlySet<number>;
  /** Periods declared unavailable. */
  unavailable: { from: string; to: string }[];
  /** Live assignments overlapping the wave's dates. */
  overlaps: { assignmentId: number; waveTitle: string; from: string; to: string }[];
};

/** Profile statuses that cannot be proposed: withdrawn, or deployed (elsewhere: this wave's own are members). */
const BLOCKING_STATUSES = ['withdrawn', 'deployed'];

/** Age in whole years on a day, from ISO dates. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const overlaps = (a: { from: string; to: string }, w: EligibilityWave) =>
  a.from <= w.endsOn && a.to >= w.startsOn;

export function refusalReasons(
  wave: EligibilityWave,
  skill: string | null,
  f: EligibilityFacts,
): RefusalReason[] {
  const out: RefusalReason[] = [];
  if (BLOCKING_STATUSES.includes(f.status)) out.push({ code: 'not_ready', status: f.status });
  if (f.birthDate && ageOn(f.birthDate, wave.startsOn) < VOLUNTEER_MIN_AGE)
    out.push({ code: 'under_age', birthDate: f.birthDate });
  if (skill) {
    const q = f.qualifications.find((x) => x.skill === skill);
    if (!q) out.push({ code: 'skill_missing', skill });
    else if (q.expiresOn && q.expiresOn < wave.startsOn)
      out.push({ code: 'qualification_expired', skill, expiredOn: q.expiresOn });
  }
  for (const t of wave.topics)
    if (!f.completedTopicIds.has(t.courseTypeId))
      out.push({ code: 'topic_missing', courseTypeId: t.courseTypeId, courseName: t.name });
  for (const u of f.unavailable)
    if (overlaps(u, wave)) out.push({ code: 'unavailable', from: u.from, to: u.to });
  for (const a of f.overlaps)
    out.push({
      code: 'overlap',
      assignmentId: a.assignmentId,
      waveTitle: a.waveTitle,
      from: a.from,
      to: a.to,
    });
  return out;
}

/** The reason in words (Vietnamese), for the API's answer; the web has its own texts for both languages. */
export function reasonText(r: RefusalReason, viDate: (d: string) => string): string {
  switch (r.code) {
    case 'overlap':
      return `Trùng lịch với đợt “${r.waveTitle}” (${viDate(r.from)} – ${viDate(r.to)})`;
    case 'topic_missing':
      return `Chưa hoàn thành tập huấn “${r.courseName}”`;
    case 'qualification_expired':
      return `Chứng chỉ ${r.skill} hết hạn ngày ${viDate(r.expiredOn)}`;
    case 'skill_missing':
      return `Không có kỹ năng ${r.skill}`;
    case 'not_ready':
      return `Đang ở trạng thái “${r.status}”`;
    case 'unavailable':
      return `Đã báo bận ${viDate(r.from)} – ${viDate(r.to)}`;
    case 'under_age':
      return 'Chưa đủ 18 tuổi vào ngày bắt đầu';
  }
}
