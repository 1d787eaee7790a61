import type { PlanView } from '../../contracts/plans.ts';
import type { Ctx } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { type Actor, hasPermission, pathInScope, scopeOf } from '../../platform/scope.ts';
import { planErrors } from './plans.errors.ts';

/**
 * Who may do what with plans — the one place the module checks permissions, and computes the `can` block
 * its answers carry to the web. Services call it; routes never do.
 * `plan.manage` at the issuer runs a plan (edit, issue, amend, close, review, targets, attachments);
 * `report.write` at a unit reports for it.
 */

type Issued = { issuerPath: string };

/** Manages the plan: holds plan.manage at the issuer (or at an organisation about to issue one). */
export const mayManage = (actor: Actor, issuerPath: string) =>
  hasPermission(actor, 'plan.manage', issuerPath);

/** Writes reports for the unit at `orgPath`. */
export const mayReportFor = (actor: Actor, orgPath: string) => hasPermission(actor, 'report.write', orgPath);

/** Throws 403 unless the caller manages the plan (or the organisation at `issuerPath`). */
export function assertManages(ctx: Ctx, plan: Issued, message?: string) {
  if (!mayManage(ctx.actor, plan.issuerPath)) throw errors.forbidden(message);
}

/** A report is written by report.write at the unit: 403 when the caller sees the unit, else 404. */
export function assertReportsFor(ctx: Ctx, orgPath: string) {
  if (!mayReportFor(ctx.actor, orgPath))
    throw pathInScope(scopeOf(ctx.actor), orgPath) ? errors.forbidden() : planErrors.notFound();
}

/** Only the issuer accepts or returns a report. */
export const assertReviews = (ctx: Ctx, plan: Issued) =>
  assertManages(ctx, plan, 'Chỉ cơ quan ban hành mới duyệt báo cáo.');

/** Targets are set by the direct parent of the units (`assignerPath`), managing plans there. */
export const assertAssignsTargets = (ctx: Ctx, assignerPath: string) =>
  assertManages(ctx, { issuerPath: assignerPath }, 'Chỉ cấp trên trực tiếp mới giao chỉ tiêu.');

/** Attachments are added and removed by the issuer. */
export const assertManagesAttachments = (ctx: Ctx, plan: Issued) =>
  assertManages(ctx, plan, 'Chỉ cơ quan ban hành kế hoạch mới thêm hoặc gỡ tệp đính kèm.');

/** An activity's actual outputs are reported by the issuer, or by report.write at its lead organisation. */
export function assertReportsActuals(ctx: Ctx, plan: Issued, leadPath: string | undefined) {
  const allowed =
    mayManage(ctx.actor, plan.issuerPath) || (leadPath !== undefined && mayReportFor(ctx.actor, leadPath));
  if (!allowed) throw errors.forbidden('Chỉ đơn vị chủ trì hoặc cơ quan ban hành báo cáo kết quả hoạt động.');
}

/** The activities (ids) whose actuals the caller may report — the rule `assertReportsActuals` applies. */
export function reportableActivityIds(
  actor: Actor,
  plan: Issued,
  activities: { id: number; leadOrgId: number | null }[],
  leadPaths: Map<number, string>,
): number[] {
  const isIssuer = mayManage(actor, plan.issuerPath);
  return activities
    .filter((a) => {
      const lead = a.leadOrgId === null ? undefined : leadPaths.get(a.leadOrgId);
      return isIssuer || (lead !== undefined && mayReportFor(actor, lead));
    })
    .map((a) => a.id);
}

/** The `can` block of GET /api/plans/:id: manage, the units it may report for or implement as, activities. */
export function planCan(
  actor: Actor,
  plan: Issued & { status: string },
  acting: Omit<PlanView['can'], 'manage' | 'reportActivityIds'>,
  reportActivityIds: number[],
): PlanView['can'] {
  return {
    manage: mayManage(actor, plan.issuerPath),
    ...acting,
    reportActivityIds: plan.status === 'issued' ? reportActivityIds : [],
  };
}

/** The scopes of the recipients a caller may act for: report for (reporters), or implement the plan as. */
export const actingScope = (actor: Actor, as: 'report' | 'implement') =>
  scopeOf(actor, as === 'report' ? 'report.write' : 'plan.manage');

/** The organisations where the caller holds a grant, offered first among those it may act for. */
export const grantedOrgIds = (actor: Actor) => [...new Set(actor.grants.map((g) => g.orgId))];

/** The organisations where the caller itself writes reports (a grant carrying report.write): its inbox. */
export const reportingOrgIds = (actor: Actor) => [
  ...new Set(actor.grants.filter((g) => g.permissions.includes('report.write')).map((g) => g.orgId)),
];

/** `can.edit` of the target table: the plan is not closed and the caller manages plans at the parent. */
export const mayEditTargets = (actor: Actor, plan: { status: string }, parentPath: string) =>
  plan.status !== 'closed' && mayManage(actor, parentPath);
