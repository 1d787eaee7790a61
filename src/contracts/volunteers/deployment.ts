/**
 * Deployment of a wave's volunteers: assignments (all or nothing, no double booking), early ends, incidents.
 * Shifts are in deployment-shifts.ts, documents in deployment-documents.ts.
 */
import { z } from 'zod';
import { defineFieldIssues, eventDate, id, idText, optionalText } from '../common.ts';

export const deploymentIssues = defineFieldIssues('deployment', {
  member_not_proposed: 'Tình nguyện viên này không ở trạng thái được đề cử trong đợt',
  dates_outside_wave: 'Ngày phải nằm trong thời gian của đợt huy động ({{from}} – {{to}})',
  date_order: 'Ngày kết thúc không được trước ngày bắt đầu',
  team_leader_not_member: 'Trưởng nhóm phải là tình nguyện viên của đợt này',
  reason_min: 'Lý do cần ít nhất 10 ký tự',
  end_outside_assignment: 'Ngày kết thúc phải trong thời gian phân công ({{from}} – {{to}})',
  assignment_not_here: 'Phân công không ở điểm đến của ca này',
  assignment_not_covering: 'Ngày của ca không nằm trong thời gian phân công',
  already_signed_up: 'Đã đăng ký ca này',
  shift_outside_wave: 'Ca phải nằm trong thời gian của đợt huy động',
  shift_too_long: 'Một ca dài tối đa 24 giờ',
  hours_over_shift: 'Số giờ không vượt quá độ dài ca ({{max}} giờ)',
  duplicate: 'Mục này đã có ở trên',
});

/** An override of the no-double-booking rule: only with a reason someone will read later. */
export const overrideBody = z.object({
  reason: z.string().trim().min(10, deploymentIssues.reason_min).max(1000),
});

export const assignmentItem = z.object({
  memberId: id,
  destinationId: id,
  site: optionalText(300),
  task: optionalText(300),
  startsOn: eventDate.nullish(),
  endsOn: eventDate.nullish(),
  teamLeaderPersonId: id.nullish(),
});
export type AssignmentItem = z.infer<typeof assignmentItem>;

export const commitAssignmentsBody = z.object({
  items: z.array(assignmentItem).min(1).max(2000),
  override: overrideBody.nullish(),
});
export type CommitAssignmentsBody = z.infer<typeof commitAssignmentsBody>;

/** What one item collides with: a live assignment (of any wave) or another item of the same request. */
export const overlapConflict = z.object({
  path: z.string(),
  item: z.number().int(),
  memberId: id,
  personId: id,
  fullName: z.string(),
  with: z.object({
    assignmentId: z.number().int().nullable(),
    item: z.number().int().nullable(),
    waveId: z.number().int(),
    waveTitle: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
  }),
});
export type OverlapConflict = z.infer<typeof overlapConflict>;

export const commitAssignmentsResult = z.object({
  assignmentIds: z.array(id),
  overridden: z.array(id),
});

export const assignmentStatus = z.enum(['assigned', 'deployed', 'returned', 'ended_early', 'cancelled']);

export const assignmentView = z.object({
  id,
  memberId: z.number().int().nullable(),
  personId: id,
  fullName: z.string(),
  birthDate: z.string().nullable(),
  orgId: id,
  orgName: z.string(),
  destinationId: id,
  destinationName: z.string(),
  site: z.string().nullable(),
  task: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  teamLeaderPersonId: z.number().int().nullable(),
  teamLeaderName: z.string().nullable(),
  status: assignmentStatus,
  overrideReason: z.string().nullable(),
  certificateNo: z.string().nullable(),
  incidents: z.number().int(),
  approvedHours: z.number(),
  can: z.object({ end: z.boolean(), cancel: z.boolean(), certificate: z.boolean() }),
});
export type AssignmentView = z.infer<typeof assignmentView>;

/** A proposed member ready to deploy, as the deployment tab lists it. */
export const readyMemberView = z.object({
  memberId: id,
  personId: id,
  fullName: z.string(),
  orgId: id,
  orgName: z.string(),
  skill: z.string().nullable(),
});

export const waveDestinationView = z.object({ id, name: z.string() });

export const waveAssignmentsView = z.object({
  wave: z.object({ id, title: z.string(), startsOn: z.string(), endsOn: z.string(), status: z.string() }),
  destinations: z.array(waveDestinationView),
  ready: z.array(readyMemberView),
  assignments: z.array(assignmentView),
  can: z.object({ deploy: z.boolean(), override: z.boolean() }),
});
export type WaveAssignmentsView = z.infer<typeof waveAssignmentsView>;

export const endAssignmentBody = z.object({
  on: eventDate,
  kind: z.enum(['returned', 'ended_early']),
  reason: z.string().trim().min(2).max(1000),
});
export const cancelAssignmentBody = z.object({ reason: z.string().trim().min(2).max(1000) });

export const incidentKinds = ['incident', 'injury', 'illness', 'exposure', 'early_return', 'other'] as const;
export const incidentBody = z.object({
  occurredOn: eventDate,
  kind: z.enum(incidentKinds),
  description: z.string().trim().min(2).max(4000),
});
export const incidentView = z.object({
  id,
  assignmentId: id,
  occurredOn: z.string(),
  kind: z.enum(incidentKinds),
  description: z.string(),
});

export const assignmentParams = z.object({ id: idText });
