/** How far a wave is filled, who can still go, who lacks training, and the institutions' inbox. */
import { z } from 'zod';
import { refusalReason } from './waves.ts';

const counts = {
  quota: z.number(),
  pledged: z.number().nullable(),
  proposed: z.number(),
  refused: z.number(),
  /** Accepted members, and members on a live (not cancelled) assignment of the wave. */
  accepted: z.number(),
  deployed: z.number(),
  /** quota − (proposed + accepted), never below 0. */
  missing: z.number(),
};

export const fillView = z.object({
  waveId: z.number(),
  seeAll: z.boolean(),
  institutions: z.array(z.object({ quotaId: z.number(), orgId: z.number(), orgName: z.string(), ...counts })),
  skills: z.array(
    z.object({ skill: z.string(), needed: z.number(), proposed: z.number(), deployed: z.number() }),
  ),
  totals: z.object(counts),
  refusedMembers: z.array(
    z.object({
      memberId: z.number(),
      orgName: z.string(),
      fullName: z.string(),
      reasons: z.array(refusalReason),
    }),
  ),
});

export const candidateView = z.object({
  profileId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  status: z.string(),
  group: z.string(),
  faculty: z.string().nullable(),
  skills: z.array(z.string()),
  /** The wave's required topics this volunteer has not completed (course type ids). */
  missingTopicIds: z.array(z.number()),
});

export const candidatePage = z.object({
  items: z.array(candidateView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const topicGapsView = z.object({
  topics: z.array(
    z.object({
      courseTypeId: z.number(),
      code: z.string(),
      name: z.string(),
      people: z.array(z.object({ memberId: z.number(), personId: z.number(), fullName: z.string() })),
    }),
  ),
});

export const inboxItem = z.object({
  waveId: z.number(),
  waveTitle: z.string(),
  issuerName: z.string(),
  status: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  namesDueOn: z.string().nullable(),
  quotaId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  quota: z.number(),
  pledged: z.number().nullable(),
  proposed: z.number(),
  accepted: z.number(),
  deployed: z.number(),
});
