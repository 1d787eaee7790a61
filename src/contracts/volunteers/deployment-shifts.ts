/** Shifts at a wave's destinations, sign-ups with capacity and no double booking, check-in/out and hours. */
import { z } from 'zod';
import { id, optionalText } from '../common.ts';
import { deploymentIssues, overrideBody } from './deployment.ts';

const instant = z.iso
  .datetime({ offset: true })
  .refine((s) => s >= '2000' && s < '2101', { message: deploymentIssues.shift_outside_wave });

export const createShiftBody = z
  .object({
    destinationId: id,
    task: optionalText(300),
    startsAt: instant,
    endsAt: instant,
    capacity: z.number().int().min(1).max(1000),
  })
  .superRefine((s, ctx) => {
    const span = Date.parse(s.endsAt) - Date.parse(s.startsAt);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: deploymentIssues.date_order });
    else if (span > 24 * 3600_000)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: deploymentIssues.shift_too_long });
  });
export type CreateShiftBody = z.infer<typeof createShiftBody>;

export const signupView = z.object({
  id,
  shiftId: id,
  assignmentId: id,
  personId: id,
  fullName: z.string(),
  orgName: z.string(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  checkoutMissing: z.boolean(),
  hoursApprovedAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
  can: z.object({ check: z.boolean(), setHours: z.boolean(), approve: z.boolean() }),
});
export type SignupView = z.infer<typeof signupView>;

export const shiftView = z.object({
  id,
  destinationId: id,
  destinationName: z.string(),
  task: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The shift's day in Vietnam (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  day: z.string(),
  /** Its length in hours: what hours are capped to. */
  spanHours: z.number(),
  capacity: z.number().int(),
  booked: z.number().int(),
  signups: z.array(signupView),
});
export type ShiftView = z.infer<typeof shiftView>;

export const waveShiftsView = z.object({
  shifts: z.array(shiftView),
  can: z.object({ create: z.boolean(), signUp: z.boolean() }),
});

export const signupBody = z.object({
  assignmentIds: z.array(id).min(1).max(1000),
  override: overrideBody.nullish(),
});
export type SignupBody = z.infer<typeof signupBody>;

export const shiftConflict = z.object({
  path: z.string(),
  assignmentId: id,
  fullName: z.string(),
  with: z.object({ signupId: id, shiftId: id, startsAt: z.string(), endsAt: z.string() }),
});
export type ShiftConflict = z.infer<typeof shiftConflict>;

export const signupResult = z.object({ signupIds: z.array(id), overridden: z.array(id) });

export const hoursBody = z.object({
  hours: z.number().min(0).max(24),
  note: z.string().trim().min(2).max(500),
});
