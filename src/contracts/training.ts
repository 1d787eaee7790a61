import { z } from 'zod';
import { isoDate, optionalText } from './common.ts';

const id = z.number().int().positive();
const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, _ . -');
const money = z.number().min(0).max(1e12);
const hours = z.number().positive().max(1000);

// ——— Catalogue (course rules as data) ———

export const courseFamily = z.enum(['red_cross_first_aid', 'workplace_first_aid', 'osh', 'custom']);
export const certificateKind = z.enum(['certificate', 'safety_card', 'attendance']);

export const courseTypeView = z.object({
  id,
  code: z.string(),
  family: courseFamily,
  nameVi: z.string(),
  nameEn: z.string(),
  periods: z.number().nullable(),
  hours: z.number(),
  maxLearners: z.number().nullable(),
  minTrainers: z.number(),
  prerequisiteCode: z.string().nullable(),
  validityMonths: z.number().nullable(),
  refresherMonths: z.number().nullable(),
  refresherHours: z.number().nullable(),
  passMark: z.number(),
  certificateKind,
  legalSource: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  ownerOrgId: z.number().nullable(),
  active: z.boolean(),
});
export type CourseTypeView = z.infer<typeof courseTypeView>;

export const courseTypeQuery = z.object({
  /** Only rules in force on this date (effective_from ≤ on ≤ effective_to). */
  on: isoDate.optional(),
  active: z.enum(['true', 'false']).optional(),
  family: courseFamily.optional(),
});

export const createCourseTypeBody = z
  .object({
    ownerOrgId: id,
    code,
    nameVi: z.string().trim().min(2).max(300),
    nameEn: z.string().trim().min(2).max(300),
    periods: z.number().int().positive().max(1000).nullish(),
    hours,
    maxLearners: z.number().int().positive().max(1000).nullish(),
    minTrainers: z.number().int().min(1).max(20).default(1),
    prerequisiteCode: z.string().trim().max(40).nullish(),
    validityMonths: z.number().int().positive().max(240).nullish(),
    refresherMonths: z.number().int().positive().max(240).nullish(),
    refresherHours: hours.nullish(),
    passMark: z.number().min(0).max(10).default(5),
    certificateKind: certificateKind.default('certificate'),
    legalSource: z.string().trim().min(2).max(300),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.effectiveTo && c.effectiveTo < c.effectiveFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveTo'],
        message: 'Ngày hết hiệu lực trước ngày có hiệu lực',
      });
  });

/** A training provider an enterprise may send a request to (public facts only). */
export const providerView = z.object({
  id,
  name: z.string(),
  shortName: z.string().nullable(),
  parentName: z.string().nullable(),
  kind: z.string(),
  /** Courses a request to this provider may name: built-in rules and its branch's custom courses. */
  courseTypeIds: z.array(z.number()),
});

// ——— Trainers ———

export const trainerView = z.object({
  id,
  personId: id,
  fullName: z.string(),
  orgId: id,
  orgName: z.string(),
  qualification: z.string(),
  courseCodes: z.array(z.string()),
  active: z.boolean(),
});
export const trainerQuery = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const createTrainerBody = z.object({
  personId: id,
  orgId: id,
  qualification: z.string().trim().min(2).max(100),
  courseCodes: z.array(code).max(50).default([]),
});

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
    preferredFrom: isoDate.nullish(),
    preferredTo: isoDate.nullish(),
    notes: optionalText(2000),
  })
  .superRefine((r, ctx) => {
    if (r.preferredFrom && r.preferredTo && r.preferredTo < r.preferredFrom)
      ctx.addIssue({ code: 'custom', path: ['preferredTo'], message: 'Ngày kết thúc trước ngày bắt đầu' });
  });
export const decideRequestBody = z.object({
  version: z.number().int().positive(),
  decision: z.enum(['accept', 'decline']),
  reason: optionalText(1000),
});
/** Turns a request into classes: learners split into ⌈learners / size⌉ classes (size ≤ the course's maximum). */
export const scheduleRequestBody = z.object({
  version: z.number().int().positive(),
  classSize: z.number().int().min(1).max(1000).optional(),
  codePrefix: code,
  title: z.string().trim().min(2).max(300).optional(),
  venue: optionalText(300),
  pricePerLearner: money.default(0),
});

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
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Giờ kết thúc phải sau giờ bắt đầu' });
  });
export const sessionView = z.object({
  id,
  startsAt: z.string(),
  endsAt: z.string(),
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
export const updateClassBody = z.object({ version: z.number().int().positive(), ...classFields });
export const classQuery = z.object({
  status: classStatus.optional(),
  requestId: z.coerce.number().int().positive().optional(),
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
});
export type ClassView = z.infer<typeof classView>;

export const setSessionsBody = z.object({ sessions: z.array(sessionInput).max(100) });
export const setTrainersBody = z.object({ trainerIds: z.array(id).max(20) });
/** The amount paid under the service agreement, recordable after the class ends (PUT …/classes/:id/payment). */
export const classPaymentBody = z.object({ version: z.number().int().positive(), paidAmount: money });
export const classStatusBody = z.object({
  version: z.number().int().positive(),
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
  id: z.coerce.number().int().positive(),
  personId: z.coerce.number().int().positive(),
});
export const sessionParams = z.object({
  id: z.coerce.number().int().positive(),
  sessionId: z.coerce.number().int().positive(),
});

export const attendanceStatus = z.enum(['present', 'absent', 'late', 'left_early']);
export const attendanceBody = z.object({
  entries: z.array(z.object({ personId: id, status: attendanceStatus })).max(1000),
});
export const attendanceView = z.object({
  sessionId: id,
  entries: z.array(z.object({ personId: id, fullName: z.string(), status: attendanceStatus.nullable() })),
});

const score = z.number().min(0, 'Điểm từ 0 đến 10').max(10, 'Điểm từ 0 đến 10').nullish();
export const resultsBody = z.object({
  results: z
    .array(
      z.object({
        personId: id,
        theoryScore: score,
        practiceScore: score,
        /** Set only for a learner who did not sit the test; pass/fail comes from the scores. */
        absence: z.enum(['no_show', 'left_early']).nullish(),
      }),
    )
    .max(1000),
});

// ——— Compliance and reach ———

export const enterpriseComplianceQuery = z.object({
  /** What-if headcount for the TT 19/2016 first-aider rule (default: the enterprise's latest declared headcount). */
  headcount: z.coerce.number().int().min(0).max(1_000_000).optional(),
  /** What-if: strict-OSH jobs (nghề, công việc có yêu cầu nghiêm ngặt về ATVSLĐ); default: the declaration. */
  strict: z.enum(['true', 'false']).optional(),
  /**
   * Courses every worker must hold (comma-separated codes; default SCC_NLD — TT 19/2016 — and ATVSLD_N4 —
   * NĐ 44/2016 group 4). A workplace first-aid or OSH requirement is met by any course of that family
   * (a first-aider's 16 h course covers the workers' 4 h; an OSH group 3 card covers group 4).
   */
  courses: z.string().max(500).optional(),
  days: z.coerce.number().int().min(1).max(366).default(60),
});
export const dueItem = z.object({
  personId: id,
  fullName: z.string(),
  employerOrgId: id,
  employerName: z.string(),
  courseCode: z.string(),
  courseName: z.string(),
  reason: z.enum(['never_trained', 'expired', 'expiring']),
  /** initial training, or a refresher of a course held */
  kind: z.enum(['initial', 'refresher']),
  /** Hours of the training due: the course's hours, or its refresher hours. */
  hours: z.number(),
  validUntil: z.string().nullable(),
  legalSource: z.string(),
});
const firstAidersView = z.object({
  headcount: z.number(),
  /** Where the headcount comes from: the query (what-if), the enterprise's declaration, or its people in the registry. */
  headcountSource: z.enum(['query', 'declared', 'registry']),
  headcountAsOf: z.string().nullable(),
  strict: z.boolean(),
  required: z.number(),
  have: z.number(),
  shortfall: z.number(),
  legalSource: z.string(),
});
export const enterpriseComplianceView = z.object({
  orgId: id,
  orgName: z.string(),
  today: z.string(),
  until: z.string(),
  due: z.array(dueItem),
  firstAiders: firstAidersView,
  /** Each employer in the organisation's subtree (an industrial-park board sees its enterprises). */
  units: z.array(
    z.object({
      orgId: id,
      orgName: z.string(),
      workersInRegistry: z.number(),
      due: z.number(),
      firstAiders: firstAidersView,
    }),
  ),
});

export const workforceBody = z.object({
  orgId: id,
  asOf: isoDate,
  workers: z.number().int().min(0).max(1_000_000),
  strictOsh: z.boolean().default(false),
  note: optionalText(500),
});
export const workforceView = z.object({
  id,
  orgId: id,
  asOf: z.string(),
  workers: z.number(),
  strictOsh: z.boolean(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});

export const reachQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng có dạng YYYY-MM')
    .optional(),
});
const reachFigures = {
  classes: z.number(),
  learnersEnrolled: z.number(),
  learnersTrained: z.number(),
  passed: z.number(),
  certified: z.number(),
  /** passed / (passed + failed), 0–1; null before any result. */
  passRate: z.number().nullable(),
  /** Σ price per learner × enrolled (VND) */
  revenue: z.number(),
};
export const reachView = z.object({
  orgId: id,
  orgName: z.string(),
  month: z.string(),
  ...reachFigures,
  /** The same figures for each direct unit with classes in the month (the roll-up's first level). */
  units: z.array(z.object({ orgId: id, orgName: z.string(), ...reachFigures })),
});
