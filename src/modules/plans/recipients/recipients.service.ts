import type { z } from 'zod';
import type { PlanView, RecipientsPage, recipientsQuery } from '../../../contracts/plans.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { isWithin, scopeOf } from '../../../platform/scope.ts';
import { planErrors } from '../plans.errors.ts';
import * as repo from '../plans.repo.ts';
import * as lists from './recipients.repo.ts';

/**
 * A plan's recipients: who reports (reporters, units under the issuer) and who receives a copy (partners
 * anywhere). A national plan has thousands: they are written in sets, counted and read a page at a time,
 * never loaded whole to answer a request.
 */

/** How many recipients a plan's detail names, and how many of the caller's units it offers to act for. */
export const RECIPIENTS_SHOWN = 20;

/** Reporters must be units under the issuer; copies may go to partners anywhere (e.g. the Red Cross). */
export async function checkRecipients(
  tx: Tx,
  issuerPath: string,
  reporterIds: number[],
  copyIds: number[],
  field = { reporters: 'reporterOrgIds', copies: 'copyOrgIds' },
) {
  const reporters = new Map((await lists.activeOrgs(tx, reporterIds)).map((o) => [o.id, o.path]));
  const copies = new Map((await lists.activeOrgs(tx, copyIds)).map((o) => [o.id, o.path]));
  const issues = [
    ...reporterIds.flatMap((id, i) => {
      const path = reporters.get(id);
      return path && isWithin(path, issuerPath) && path !== issuerPath
        ? []
        : [
            {
              path: `body.${field.reporters}.${i}`,
              message: 'Không phải đơn vị đang hoạt động trực thuộc cơ quan ban hành',
            },
          ];
    }),
    ...copyIds.flatMap((id, i) =>
      copies.has(id) ? [] : [{ path: `body.${field.copies}.${i}`, message: 'Không có tổ chức này' }],
    ),
  ];
  if (issues.length) throw errors.validation(issues);
  return { reporters, copies };
}

/**
 * Adds recipients. A copy recipient asked to report becomes a reporter, from `addedOn` when an amendment
 * asks it (it is not expected for periods already due); a reporter never drops to a copy here.
 */
export async function insertRecipients(
  tx: Tx,
  planId: number,
  reporters: Map<number, string>,
  copies: Map<number, string>,
  addedOn: string | null = null,
) {
  const recipientRows = [
    ...[...reporters].map(([orgId, orgPath]) => ({
      planId,
      orgId,
      orgPath,
      role: 'reporter' as const,
      addedOn,
    })),
    ...[...copies]
      .filter(([orgId]) => !reporters.has(orgId))
      .map(([orgId, orgPath]) => ({ planId, orgId, orgPath, role: 'copy' as const, addedOn })),
  ];
  await lists.upsertRecipients(tx, recipientRows);
}

type RecipientChanges = {
  reporterOrgIds?: number[];
  copyOrgIds?: number[];
  addReporterOrgIds: number[];
  addCopyOrgIds: number[];
  removeRecipientOrgIds: number[];
};

/**
 * A draft's recipients after an edit: replaced whole when the body sends the lists, else the removals
 * and then the additions applied. Answers how many were added and removed, for the audit entry.
 */
export async function changeDraftRecipients(
  tx: Tx,
  plan: repo.PlanRow,
  input: RecipientChanges,
): Promise<{ added: number; removed: number; replaced: boolean }> {
  if (input.reporterOrgIds !== undefined || input.copyOrgIds !== undefined) {
    const { reporters, copies } = await checkRecipients(
      tx,
      plan.issuerPath,
      input.reporterOrgIds ?? [],
      input.copyOrgIds ?? [],
    );
    // A list left out stays as it is.
    const keep =
      input.reporterOrgIds === undefined ? 'reporter' : input.copyOrgIds === undefined ? 'copy' : null;
    const removed = await lists.deleteRecipients(tx, plan.id, { keep });
    await insertRecipients(tx, plan.id, reporters, copies);
    return { added: reporters.size + copies.size, removed, replaced: true };
  }
  const { reporters, copies } = await checkRecipients(
    tx,
    plan.issuerPath,
    input.addReporterOrgIds,
    input.addCopyOrgIds,
    { reporters: 'addReporterOrgIds', copies: 'addCopyOrgIds' },
  );
  const removed = input.removeRecipientOrgIds.length
    ? await lists.deleteRecipients(tx, plan.id, { orgIds: input.removeRecipientOrgIds })
    : 0;
  await insertRecipients(tx, plan.id, reporters, copies);
  return { added: reporters.size + copies.size, removed, replaced: false };
}

/**
 * What an amendment really adds: organisations already reporting are left out of the reporters, those
 * already receiving the plan out of the copies — the revision records only what changed.
 */
export async function newRecipientsOnly(
  tx: Tx,
  planId: number,
  checked: { reporters: Map<number, string>; copies: Map<number, string> },
) {
  const existing = new Map(
    (await lists.recipientsAmong(tx, planId, [...checked.reporters.keys(), ...checked.copies.keys()])).map(
      (r) => [r.orgId, r.role],
    ),
  );
  const reporters = new Map([...checked.reporters].filter(([id]) => existing.get(id) !== 'reporter'));
  const copies = new Map([...checked.copies].filter(([id]) => !existing.has(id) && !reporters.has(id)));
  return { reporters, copies };
}

/** The recipients part of a plan's detail: counts, the first few, and the units the caller may act for. */
export async function recipientsOfPlan(ctx: Ctx, plan: repo.PlanRow) {
  const open = plan.status === 'issued';
  const preferIds = [...new Set(ctx.actor.grants.map((g) => g.orgId))];
  const shown = { page: 1, pageSize: RECIPIENTS_SHOWN } as const;
  const none = Promise.resolve({ items: [], total: 0 });
  const name = ({ orgId, orgName }: { orgId: number; orgName: string }) => ({ orgId, orgName });
  const [recipientCounts, first, reportFor, implementAs] = await Promise.all([
    lists.recipientCounts(ctx.db, plan.id),
    lists.firstRecipients(ctx.db, plan.id, { pageSize: RECIPIENTS_SHOWN }),
    open
      ? lists.firstRecipients(ctx.db, plan.id, {
          ...shown,
          role: 'reporter',
          within: scopeOf(ctx.actor, 'report.write'),
          preferIds,
        })
      : none,
    open
      ? lists.firstRecipients(ctx.db, plan.id, {
          ...shown,
          within: scopeOf(ctx.actor, 'plan.manage'),
          preferIds,
        })
      : none,
  ]);
  return {
    recipientCounts,
    recipients: first.items,
    reportFor: reportFor.items.map(name),
    reportForTotal: reportFor.total,
    implementAs: implementAs.items.map(name),
    implementAsTotal: implementAs.total,
  } satisfies Pick<PlanView, 'recipientCounts' | 'recipients'> & Partial<PlanView['can']>;
}

/** A page of a plan's recipients, for whoever sees the plan: by role, by name, or those it may act for. */
export async function listRecipients(
  ctx: Ctx,
  planId: number,
  query: z.output<typeof recipientsQuery>,
): Promise<RecipientsPage> {
  const plan = await repo.findPlan(ctx.db, scopeOf(ctx.actor), planId);
  if (!plan) throw planErrors.notFound();
  const { can, page, pageSize, ...filter } = query;
  const acting =
    can === undefined
      ? {}
      : {
          ...(can === 'report' ? { role: 'reporter' as const } : {}),
          within: scopeOf(ctx.actor, can === 'report' ? 'report.write' : 'plan.manage'),
          preferIds: [...new Set(ctx.actor.grants.map((g) => g.orgId))],
        };
  const got = await lists.recipientsPage(ctx.db as Db, planId, { ...filter, ...acting, page, pageSize });
  return { ...got, page, pageSize };
}
