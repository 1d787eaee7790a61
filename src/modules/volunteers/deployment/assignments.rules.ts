import { commonIssues } from '../../../contracts/common.ts';
import type { AssignmentItem } from '../../../contracts/volunteers/deployment.ts';
import { deploymentIssues } from '../../../contracts/volunteers/deployment.ts';
import type { FieldIssue } from '../../../platform/errors.ts';
import { vnDateText } from '../../../platform/pdf.ts';

/** Pure rules of a deployment commit: what each item must satisfy, and which items collide with each other. */

export type Planned = { idx: number; memberId: number; personId: number; startsOn: string; endsOn: string };

/** Items whose dates (both ends inclusive) overlap another item's of the same person: each with the first it meets. */
export function collisionsWithin(planned: readonly Planned[]): { idx: number; other: number }[] {
  const out: { idx: number; other: number }[] = [];
  const byPerson = new Map<number, Planned[]>();
  for (const p of planned) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p]);
  for (const list of byPerson.values()) {
    if (list.length < 2) continue;
    for (const p of list) {
      const other = list.find((q) => q.idx !== p.idx && q.startsOn <= p.endsOn && p.startsOn <= q.endsOn);
      if (other) out.push({ idx: p.idx, other: other.idx });
    }
  }
  return out.sort((a, b) => a.idx - b.idx);
}

type Known = {
  members: ReadonlyMap<number, { status: string; personId: number }>;
  destinations: ReadonlySet<number>;
  leaders: ReadonlySet<number>;
  wave: { startsOn: string; endsOn: string };
};

/** The dates an item asks for: the wave's unless given. */
export function itemDates(item: AssignmentItem, wave: { startsOn: string; endsOn: string }) {
  return { startsOn: item.startsOn ?? wave.startsOn, endsOn: item.endsOn ?? wave.endsOn };
}

/** Every field issue of the items, each naming `body.items.N.<field>`. */
export function itemIssues(items: readonly AssignmentItem[], known: Known): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const range = { from: vnDateText(known.wave.startsOn), to: vnDateText(known.wave.endsOn) };
  items.forEach((item, i) => {
    const at = (f: string) => `body.items.${i}.${f}`;
    const m = known.members.get(item.memberId);
    if (!m) issues.push({ path: at('memberId'), message: commonIssues.id_not_found });
    else if (m.status !== 'proposed')
      issues.push({ path: at('memberId'), message: deploymentIssues.member_not_proposed });
    if (!known.destinations.has(item.destinationId))
      issues.push({ path: at('destinationId'), message: commonIssues.id_not_found });
    if (item.teamLeaderPersonId && !known.leaders.has(item.teamLeaderPersonId))
      issues.push({ path: at('teamLeaderPersonId'), message: deploymentIssues.team_leader_not_member });
    const d = itemDates(item, known.wave);
    for (const f of ['startsOn', 'endsOn'] as const)
      if (d[f] < known.wave.startsOn || d[f] > known.wave.endsOn)
        issues.push({ path: at(f), message: deploymentIssues.dates_outside_wave, params: range });
    if (d.endsOn < d.startsOn) issues.push({ path: at('endsOn'), message: deploymentIssues.date_order });
  });
  return issues;
}
