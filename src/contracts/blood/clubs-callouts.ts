/**
 * Rare-blood call-outs: the requester (a hospital, the blood establishment) asks for N units of a group; the system
 * notifies eligible club members and answers the requester COUNTS and pseudonymous references only — never a name,
 * phone, e-mail or person id.
 */
import { z } from 'zod';
import { id, idText, int4 } from '../common.ts';
import { clubsIssues } from './clubs-issues.ts';
import { aboGroups, rhFactors } from './common.ts';

export const calloutStatuses = ['open', 'filled', 'closed'] as const;
export const replyStatuses = ['notified', 'accepted', 'declined', 'came', 'no_show'] as const;

/** An instant with its offset, 2000..2100 (as the dates). */
const instant = z.iso
  .datetime({ offset: true })
  .refine((s) => s >= '2000-01-01' && s < '2101-01-01', { message: clubsIssues.instant_range });

export const calloutBody = z.object({
  requesterOrgId: id,
  abo: z.enum(aboGroups),
  rh: z.enum(rhFactors),
  units: int4(1, 1000),
  place: z.string().trim().min(2).max(300),
  provinceCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, clubsIssues.province_code),
  neededBy: instant,
  clubId: id.nullish(),
});

export const calloutQuery = z.object({ orgId: idText.optional() });

export const calloutCounts = z.object({
  notified: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  came: z.number().int(),
  noShow: z.number().int(),
});

export const calloutView = z.object({
  id: z.number().int(),
  requesterOrgId: z.number().int(),
  requesterName: z.string(),
  clubId: z.number().int().nullable(),
  clubName: z.string().nullable(),
  abo: z.enum(aboGroups),
  rh: z.enum(rhFactors),
  units: z.number().int(),
  place: z.string(),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  neededBy: z.string(),
  status: z.enum(calloutStatuses),
  createdAt: z.string(),
  counts: calloutCounts,
  can: z.object({ manage: z.boolean() }),
});

/** A donor who accepted, as the requester sees them: a number within the call-out ("Người hiến #3"). */
export const calloutDonorRef = z.object({ ref: z.number().int(), status: z.enum(replyStatuses) });
export const calloutDetail = calloutView.extend({ donors: z.array(calloutDonorRef) });

export const cameBody = z.object({
  came: z.array(int4(1, 100000)).max(1000).default([]),
  noShow: z.array(int4(1, 100000)).max(1000).default([]),
});

/** The donor's own view of a call-out they were asked to answer. */
export const myCalloutView = z.object({
  id: z.number().int(),
  requesterName: z.string(),
  abo: z.enum(aboGroups),
  rh: z.enum(rhFactors),
  place: z.string(),
  provinceName: z.string().nullable(),
  neededBy: z.string(),
  calloutStatus: z.enum(calloutStatuses),
  reply: z.enum(replyStatuses),
  repliedAt: z.string().nullable(),
  canReply: z.boolean(),
});
export const replyBody = z.object({ answer: z.enum(['accept', 'decline']) });
