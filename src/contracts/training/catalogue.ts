/** The course catalogue (course rules as data), the providers and their trainers. */
import { z } from 'zod';
import { eventDate, filterDate, idText } from '../common.ts';
import { code, hours, id } from './fields.ts';
import { trainingIssues } from './issues.ts';

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
  on: filterDate.optional(),
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
    effectiveFrom: eventDate,
    effectiveTo: eventDate.nullish(),
  })
  .superRefine((c, ctx) => {
    if (c.effectiveTo && c.effectiveTo < c.effectiveFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveTo'],
        message: trainingIssues.expiry_before_effective,
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
export const trainerQuery = z.object({ orgId: idText.optional() });
export const createTrainerBody = z.object({
  personId: id,
  orgId: id,
  qualification: z.string().trim().min(2).max(100),
  courseCodes: z.array(code).max(50).default([]),
});
