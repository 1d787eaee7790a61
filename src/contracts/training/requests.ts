/** An enterprise's training requests to a provider, their decision and scheduling. */
import { z } from 'zod';
import { commonIssues, eventDate, optionalText } from '../common.ts';
import { code, id, money } from './fields.ts';

// ——— Requests ———

/** `withdrawn`: the requester took it back before it was scheduled. */
export const requestStatus = z.enum(['requested', 'accepted', 'scheduled', 'declined', 'done', 'withdrawn']);
export const requestView = z.object({
  id,
  requesterOrgId: id,
  requesterName: z.string(),
  providerOrgId: id,
  providerName: z.string(),
  courseTypeId: id,
  courseCode: z.string(),
  learners: z.number(),
  place: z.string().nullable(),
  preferredFrom: z.string().nullable(),
  preferredTo: z.string().nullable(),
  notes: z.string().nullable(),
  status: requestStatus,
  version: z.number(),
  classIds: z.array(z.number()),
  /** decide: the provider accepts, declines, schedules; change: the requester edits or withdraws it. */
  can: z.object({ decide: z.boolean(), change: z.boolean() }),
});
export const requestQuery = z.object({ status: requestStatus.optional() });
const requestDetails = {
  learners: z.number().int().min(1).max(100_000),
  place: optionalText(300),
  preferredFrom: eventDate.nullish(),
  preferredTo: eventDate.nullish(),
  notes: optionalText(2000),
};
function periodInOrder(
  r: { preferredFrom?: string | null; preferredTo?: string | null },
  ctx: z.RefinementCtx,
) {
  if (r.preferredFrom && r.preferredTo && r.preferredTo < r.preferredFrom)
    ctx.addIssue({ code: 'custom', path: ['preferredTo'], message: commonIssues.end_before_start });
}
export const createRequestBody = z
  .object({
    requesterOrgId: id,
    providerOrgId: id,
    courseTypeId: id,
    ...requestDetails,
    /** Sends it although the organisation already has an open request for the course and period. */
    confirmDuplicate: z.boolean().optional(),
  })
  .superRefine(periodInOrder);
/** The requester's edit until the request is scheduled: fields left out keep their value. */
export const updateRequestBody = z
  .object({ version: id, ...requestDetails })
  .partial({ learners: true })
  .superRefine(periodInOrder);
export const withdrawRequestBody = z.object({
  version: id,
  reason: optionalText(1000),
});
export const decideRequestBody = z.object({
  version: id,
  decision: z.enum(['accept', 'decline']),
  reason: optionalText(1000),
});
/** Turns a request into classes: learners split into ⌈learners / size⌉ classes (size ≤ the course's maximum). */
export const scheduleRequestBody = z.object({
  version: id,
  classSize: z.number().int().min(1).max(1000).optional(),
  codePrefix: code,
  title: z.string().trim().min(2).max(300).optional(),
  venue: optionalText(300),
  pricePerLearner: money.default(0),
});
