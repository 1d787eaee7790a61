/** An enterprise's training requests to a provider, their decision and scheduling. */
import { z } from 'zod';
import { commonIssues, eventDate, optionalText } from '../common.ts';
import { code, id, money } from './fields.ts';

// ——— Requests ———

export const requestStatus = z.enum(['requested', 'accepted', 'scheduled', 'declined', 'done']);
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
  can: z.object({ decide: z.boolean() }),
});
export const requestQuery = z.object({ status: requestStatus.optional() });
export const createRequestBody = z
  .object({
    requesterOrgId: id,
    providerOrgId: id,
    courseTypeId: id,
    learners: z.number().int().min(1).max(100_000),
    place: optionalText(300),
    preferredFrom: eventDate.nullish(),
    preferredTo: eventDate.nullish(),
    notes: optionalText(2000),
  })
  .superRefine((r, ctx) => {
    if (r.preferredFrom && r.preferredTo && r.preferredTo < r.preferredFrom)
      ctx.addIssue({ code: 'custom', path: ['preferredTo'], message: commonIssues.end_before_start });
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
