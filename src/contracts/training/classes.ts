/** Classes, their sessions and enrolment. */
import { z } from 'zod';
import { idText, optionalText } from '../common.ts';
import { courseTypeView } from './catalogue.ts';
import { code, hours, id, money } from './fields.ts';
import { trainingIssues } from './issues.ts';

// ——— Classes ———

export const classStatus = z.enum(['planned', 'open', 'in_progress', 'completed', 'cancelled']);
export const sessionInput = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    hours,
    topic: optionalText(300),
    venue: optionalText(300),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: trainingIssues.end_time_before_start });
  });
export const sessionView = z.object({
  id,
  startsAt: z.string(),
  endsAt: z.string(),
  /** The session's day in Vietnam (YYYY-MM-DD): attendance is taken from that day on. */
  day: z.string(),
  hours: z.number(),
  topic: z.string().nullable(),
  venue: z.string().nullable(),
});

export const classFields = {
  code,
  title: z.string().trim().min(2).max(300),
  venue: optionalText(300),
  capacity: z.number().int().min(1).max(1000),
  pricePerLearner: money.default(0),
  paidAmount: money.default(0),
  customerOrgId: id.nullish(),
};
export const createClassBody = z.object({
  providerOrgId: id,
  courseTypeId: id,
  requestId: id.nullish(),
  ...classFields,
});
export const updateClassBody = z.object({ version: id, ...classFields });
export const classQuery = z.object({
  status: classStatus.optional(),
  requestId: idText.optional(),
});
export const classListItem = z.object({
  id,
  code: z.string(),
  title: z.string(),
  requestId: z.number().nullable(),
  providerOrgId: id,
  providerName: z.string(),
  customerOrgId: z.number().nullable(),
  customerName: z.string().nullable(),
  courseTypeId: id,
  courseCode: z.string(),
  venue: z.string().nullable(),
  capacity: z.number(),
  enrolled: z.number(),
  waitlisted: z.number(),
  firstSessionAt: z.string().nullable(),
  status: classStatus,
  version: z.number(),
});
export const enrolmentView = z.object({
  id,
  personId: id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  status: z.enum(['enrolled', 'waitlisted', 'cancelled']),
  waitlistedAt: z.string().nullable(),
  theoryScore: z.number().nullable(),
  practiceScore: z.number().nullable(),
  outcome: z.enum(['pass', 'fail', 'no_show', 'left_early']).nullable(),
});
export const classView = classListItem.extend({
  course: courseTypeView,
  pricePerLearner: z.number(),
  paidAmount: z.number(),
  /** price × enrolled learners (VND) */
  totalAmount: z.number(),
  unpaidAmount: z.number(),
  totalHours: z.number(),
  sessions: z.array(sessionView),
  trainers: z.array(z.object({ id, personId: id, fullName: z.string(), qualification: z.string() })),
  enrolments: z.array(enrolmentView),
  can: z.object({ manage: z.boolean(), enrol: z.boolean() }),
  /** Today in Vietnam by the server's clock (YYYY-MM-DD): the class starts, ends, certifies by the sessions' days. */
  today: z.string(),
});
export type ClassView = z.infer<typeof classView>;

export const setSessionsBody = z.object({ sessions: z.array(sessionInput).max(100) });
export const setTrainersBody = z.object({ trainerIds: z.array(id).max(20) });
/** The amount paid under the service agreement, recordable after the class ends (PUT …/classes/:id/payment). */
export const classPaymentBody = z.object({ version: id, paidAmount: money });
export const classStatusBody = z.object({
  version: id,
  status: z.enum(['open', 'in_progress', 'completed', 'cancelled']),
});

// ——— Enrolment, attendance, results ———

export const enrolBody = z.object({ personIds: z.array(id).min(1).max(1000) });
export const enrolResult = z.object({
  enrolled: z.array(z.number()),
  waitlisted: z.array(z.number()),
  alreadyIn: z.array(z.number()),
});
export const cancelEnrolmentResult = z.object({ cancelled: id, promoted: z.number().nullable() });
export const enrolmentParams = z.object({
  id: idText,
  personId: idText,
});
export const sessionParams = z.object({
  id: idText,
  sessionId: idText,
});
