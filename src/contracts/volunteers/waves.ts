/**
 * Mobilisation waves (đợt huy động): the authority's request, its quotas per institution and the institutions'
 * answers. Tables: src/modules/volunteers/waves/waves.tables.ts (enums kept equal here).
 */
import { z } from 'zod';
import { eventDate, id, idText, int4, optionalText } from '../common.ts';
import { refusalCodes, volunteerSkillCodes } from './common.ts';

export const waveStatuses = ['draft', 'open', 'filled', 'deployed', 'closed', 'stood_down'] as const;
export type WaveStatusCode = (typeof waveStatuses)[number];
export const basisKinds = ['decision', 'order', 'official_letter', 'plan', 'other'] as const;
export const memberStatuses = ['proposed', 'accepted', 'refused', 'withdrawn'] as const;

const skill = z.enum(volunteerSkillCodes);
const text = (max: number) => z.string().trim().min(1).max(max);

export const destinationInput = z.object({
  name: text(200),
  /** A province code as of the wave's start (pre-2025 code before 1/7/2025). */
  adminUnitCode: z.string().regex(/^\d{2}$/),
  address: optionalText(300),
});

export const needInput = z.object({
  skill,
  headcount: int4(1, 100_000),
  /** Index in `destinations` when the need is for one destination only. */
  destinationIndex: int4(0, 49).nullish(),
});

export const quotaInput = z.object({ orgId: id, quota: int4(1, 100_000) });

export const waveBody = z
  .object({
    issuerOrgId: id,
    title: text(300),
    basisKind: z.enum(basisKinds),
    basisNumber: optionalText(100),
    basisDate: eventDate,
    basisSigner: text(200),
    basisSummary: optionalText(2000),
    startsOn: eventDate,
    endsOn: eventDate,
    namesDueOn: eventDate.nullish(),
    destinations: z.array(destinationInput).min(1).max(50),
    needs: z.array(needInput).max(100).default([]),
    topicCourseTypeIds: z.array(id).max(20).default([]),
    quotas: z.array(quotaInput).max(500).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.endsOn < b.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'common.end_before_start', input: b.endsOn });
  });
export type WaveBody = z.output<typeof waveBody>;

export const updateWaveBody = z.intersection(waveBody, z.object({ version: id }));

export const quotasBody = z.object({ version: id, quotas: z.array(quotaInput).max(500) });

export const waveStatusBody = z.object({
  version: id,
  to: z.enum(['filled', 'deployed']),
});
export const versionBody = z.object({ version: id });
export const standDownBody = z.object({ version: id, reason: text(1000) });

export const pledgeBody = z.object({ pledged: int4(0, 100_000), note: optionalText(500) });

export const proposeBody = z.object({
  orgId: id,
  skill: skill.nullish(),
  profileIds: z.array(id).min(1).max(500),
});

export const waveListQuery = z.object({
  status: z.enum(waveStatuses).optional(),
  q: z.string().trim().max(100).optional(),
});

export const topicGapsQuery = z.object({ orgId: idText.optional() });
export const candidatesQuery = z.object({
  orgId: idText,
  skill: skill.optional(),
  q: z.string().trim().max(100).optional(),
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,4}$/)
    .transform(Number)
    .default(1),
});
export const provincesQuery = z.object({ date: eventDate });
export const waveMemberParams = z.object({ id: idText, memberId: idText });
export const waveQuotaParams = z.object({ id: idText, quotaId: idText });

export const refusalReason = z.object({
  code: z.enum(refusalCodes),
  assignmentId: z.number().optional(),
  waveTitle: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  courseTypeId: z.number().optional(),
  courseName: z.string().optional(),
  skill: z.string().optional(),
  expiredOn: z.string().optional(),
  status: z.string().optional(),
  birthDate: z.string().optional(),
  /** The reason in Vietnamese words (the web words it in the reader's language from the code). */
  text: z.string().optional(),
});

export const destinationView = z.object({
  id: z.number(),
  name: z.string(),
  adminUnitCode: z.string(),
  adminUnitName: z.string(),
  adminUnitAsOf: z.string(),
  currentAdminUnitCode: z.string().nullable(),
  address: z.string().nullable(),
});
export const needView = z.object({
  id: z.number(),
  skill: z.string(),
  headcount: z.number(),
  destinationId: z.number().nullable(),
});
export const topicView = z.object({ courseTypeId: z.number(), code: z.string(), name: z.string() });
export const quotaView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  quota: z.number(),
  pledged: z.number().nullable(),
  answeredAt: z.string().nullable(),
  note: z.string().nullable(),
  proposed: z.number(),
  accepted: z.number(),
  refused: z.number(),
  can: z.object({ answer: z.boolean() }),
});

export const waveCan = z.object({
  edit: z.boolean(),
  editQuotas: z.boolean(),
  open: z.boolean(),
  markFilled: z.boolean(),
  markDeployed: z.boolean(),
  close: z.boolean(),
  standDown: z.boolean(),
  /** Sees every institution (the issuer's side); otherwise only its own quotas. */
  seeAll: z.boolean(),
});

const waveHead = {
  id: z.number(),
  issuerOrgId: z.number(),
  issuerName: z.string(),
  title: z.string(),
  basisKind: z.enum(basisKinds),
  basisNumber: z.string().nullable(),
  basisDate: z.string(),
  basisSigner: z.string(),
  basisSummary: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  namesDueOn: z.string().nullable(),
  status: z.enum(waveStatuses),
  statusReason: z.string().nullable(),
  openedAt: z.string().nullable(),
  version: z.number(),
};

export const waveListItem = z.object({
  ...waveHead,
  /** Sum of the quotas the caller sees (all of them on the issuer's side; its own otherwise). */
  quotaTotal: z.number(),
  filled: z.number(),
  neededTotal: z.number(),
});

export const waveView = z.object({
  ...waveHead,
  destinations: z.array(destinationView),
  needs: z.array(needView),
  topics: z.array(topicView),
  quotas: z.array(quotaView),
  /** All institutions' quotas summed (shown to an institution as a total only). */
  quotaTotal: z.number(),
  neededTotal: z.number(),
  can: waveCan,
});
export type WaveView = z.infer<typeof waveView>;

export const provinceAsOf = z.object({
  code: z.string(),
  name: z.string(),
  currentCode: z.string().nullable(),
});

export const memberView = z.object({
  id: z.number(),
  quotaId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  profileId: z.number(),
  personId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  skill: z.string().nullable(),
  status: z.enum(memberStatuses),
  reasons: z.array(refusalReason),
  proposedAt: z.string(),
  can: z.object({ withdraw: z.boolean() }),
});
export type MemberView = z.infer<typeof memberView>;

export const proposeResult = z.object({
  proposed: z.number(),
  refused: z.number(),
  members: z.array(memberView),
});
