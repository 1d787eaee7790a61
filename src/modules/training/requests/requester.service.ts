import type { z } from 'zod';
import { commonIssues } from '../../../contracts/common.ts';
import type { updateRequestBody, withdrawRequestBody } from '../../../contracts/training.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { trainingErrors } from '../training.errors.ts';
import { canActAsCustomer, canChangeRequest } from '../training.policy.ts';
import * as repo from './requests.repo.ts';
import { getRequest } from './requests.service.ts';

/** The requester's own changes to its request — edit and withdraw — allowed until the provider schedules it. */

async function requestForRequester(ctx: Ctx, tx: Tx, id: number, version: number) {
  const r = await repo.findRequest(tx, scopeOf(ctx.actor), id, true);
  if (!r) throw trainingErrors['request.not_found']();
  if (!canActAsCustomer(ctx.actor, r.requesterPath)) throw errors.forbidden();
  if (!canChangeRequest(ctx.actor, r)) throw trainingErrors.request_closed({ status: r.status });
  if (r.version !== version) throw trainingErrors.request_version_conflict({ currentVersion: r.version });
  return r;
}

/** Edits the number of learners, place, preferred period and notes; the fields left out keep their value. */
export async function updateRequest(ctx: Ctx, id: number, input: z.output<typeof updateRequestBody>) {
  await ctx.db.transaction(async (tx) => {
    const r = await requestForRequester(ctx, tx, id, input.version);
    const next = {
      learners: input.learners ?? r.learners,
      place: input.place === undefined ? r.place : input.place,
      preferredFrom: input.preferredFrom === undefined ? r.preferredFrom : input.preferredFrom,
      preferredTo: input.preferredTo === undefined ? r.preferredTo : input.preferredTo,
      notes: input.notes === undefined ? r.notes : input.notes,
    };
    if (next.preferredFrom && next.preferredTo && next.preferredTo < next.preferredFrom)
      throw errors.validation([{ path: 'body.preferredTo', message: commonIssues.end_before_start }]);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== r[k]);
    await repo.updateRequest(tx, r.id, next, r.version + 1, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'training.request.update',
      entityType: 'training_request',
      entityId: r.id,
      orgId: r.requesterOrgId,
      orgPath: r.requesterPath,
      before: Object.fromEntries(changed.map((k) => [k, r[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
  });
  return getRequest(ctx, id);
}

/** Withdraws the request: the provider sees it withdrawn and can no longer accept or schedule it. */
export async function withdrawRequest(ctx: Ctx, id: number, input: z.output<typeof withdrawRequestBody>) {
  await ctx.db.transaction(async (tx) => {
    const r = await requestForRequester(ctx, tx, id, input.version);
    await repo.setRequestStatus(tx, r.id, 'withdrawn', r.version + 1, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'training.request.withdrawn',
      entityType: 'training_request',
      entityId: r.id,
      orgId: r.requesterOrgId,
      orgPath: r.requesterPath,
      before: { status: r.status },
      after: { status: 'withdrawn', reason: input.reason },
    });
  });
  return getRequest(ctx, id);
}
