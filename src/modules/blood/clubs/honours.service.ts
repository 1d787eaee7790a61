import type { z } from 'zod';
import type {
  candidatesQuery,
  decisionBody,
  honourListQuery,
  honourQuery,
  honourRuleBody,
  honourRuleQuery,
  proposeBody,
} from '../../../contracts/blood/clubs-honours.ts';
import { clubsIssues } from '../../../contracts/blood/clubs-issues.ts';
import { commonIssues } from '../../../contracts/common.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors, type FieldIssue } from '../../../platform/errors.ts';
import { hasPermission, isWithin, scopeOf } from '../../../platform/scope.ts';
import { ancestorsOf, orgForField } from '../../orgs/index.ts';
import { findPeopleInScope } from '../../people/index.ts';
import { clubsErrors } from './clubs.errors.ts';
import { canDecideHonour, canManageBlood } from './clubs.policy.ts';
import { honourCertificatePdf, honourListPdf } from './honours.pdf.ts';
import * as repo from './honours.repo.ts';
import { appliesTo, rulesFor, sameLevel } from './honours.rules.ts';

/** Honours: rules as data, candidates by donation count, proposals up the tree and decisions. */

const ruleView = (r: repo.HonourRuleRow, overridden = false) => {
  const { orgPath: _p, ...rest } = r;
  return { ...rest, overridden };
};

export async function listRules(ctx: Ctx, q: z.output<typeof honourRuleQuery>) {
  const scope = scopeOf(ctx.actor);
  const all = await repo.listRules(ctx.db, scope);
  const can = { create: hasPermission(ctx.actor, 'blood.manage') };
  if (!q.orgId) return { items: all.map((r) => ruleView(r)), can };
  const org = await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId');
  const day = q.asOf ?? vnToday(ctx.clock);
  const holding = new Set(rulesFor(all, org.path, day, day).map((r) => r.id));
  // The rules holding for the organisation (its own and its ancestors'), and those of its subtree.
  const items = all
    .filter((r) => appliesTo(r, org.path) || (r.orgPath !== null && isWithin(r.orgPath, org.path)))
    .map((r) =>
      ruleView(
        r,
        appliesTo(r, org.path) &&
          !holding.has(r.id) &&
          (r.effectiveTo === null || r.effectiveTo > day) &&
          r.effectiveFrom <= day,
      ),
    );
  return { items, can };
}

export async function createRule(ctx: Ctx, body: z.output<typeof honourRuleBody>) {
  const org = await orgForField(ctx.db, scopeOf(ctx.actor), body.orgId, 'body.orgId');
  if (!canManageBlood(ctx.actor, org.path)) throw errors.forbidden();
  if (body.effectiveTo && body.effectiveTo <= body.effectiveFrom)
    throw errors.validation([{ path: 'body.effectiveTo', message: clubsIssues.date_order }]);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertRule(tx, {
      ...body,
      legalSource: body.legalSource ?? null,
      effectiveTo: body.effectiveTo ?? null,
    });
    const rule = (await repo.findRule(tx, id))!;
    await recordAudit(tx, ctx, {
      action: 'blood.honour_rule.create',
      entityType: 'honour_rule',
      entityId: id,
      entityLabel: rule.titleVi,
      orgId: org.id,
      orgPath: org.path,
      after: ruleView(rule),
    });
    return ruleView(rule);
  });
}

/**
 * Who reached a threshold: for each donor (or family) in the caller's scope under `orgId`, the rules holding for
 * `orgId` during [from, to] whose threshold their donations up to `to` reached and whose level they do not hold.
 */
export async function candidates(ctx: Ctx, q: z.output<typeof candidatesQuery>) {
  if (q.to < q.from) throw errors.validation([{ path: 'querystring.to', message: clubsIssues.date_order }]);
  const scope = scopeOf(ctx.actor, 'blood.manage');
  const org = await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId');
  const rules = rulesFor(await repo.listRules(ctx.db, { all: true }), org.path, q.from, q.to).filter(
    (r) => r.kind === q.kind,
  );
  if (rules.length === 0) return [];
  const min = rules[0]!.threshold;
  const found =
    q.kind === 'individual'
      ? (await repo.donorCounts(ctx.db, scope, { orgPath: org.path, to: q.to, min })).map((d) => ({
          personId: d.personId,
          clubId: null,
          holder: d.personId,
          name: d.name,
          donations: d.donations,
        }))
      : (await repo.familyCounts(ctx.db, scope, { orgPath: org.path, to: q.to, min })).map((f) => ({
          personId: f.leaderId,
          clubId: f.clubId,
          holder: f.leaderId,
          name: f.name,
          donations: f.donations,
        }));
  const held = await repo.heldLevels(
    ctx.db,
    found.flatMap((f) => (f.holder ? [f.holder] : [])),
  );
  return found
    .map(({ holder, ...f }) => ({
      ...f,
      rules: rules
        .filter(
          (r) => r.threshold <= f.donations && !held.some((h) => h.personId === holder && sameLevel(h, r)),
        )
        .map((r) => ({ ruleId: r.id, threshold: r.threshold, titleVi: r.titleVi, titleEn: r.titleEn })),
    }))
    .filter((f) => f.rules.length > 0);
}

/**
 * Proposes honours under one rule for people (individual rule) or families (family rule), all or nothing: each
 * element is resolved through the caller's scope and checked (threshold reached, level not held) before any write.
 */
export async function propose(ctx: Ctx, body: z.output<typeof proposeBody>) {
  const scope = scopeOf(ctx.actor, 'blood.manage');
  const org = await orgForField(ctx.db, scope, body.orgId, 'body.orgId');
  if (!canManageBlood(ctx.actor, org.path)) throw errors.forbidden();
  const today = vnToday(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    // A rule the caller may read (national, its organisations' and their ancestors'), as the rules' list: another
    // tree's rule is not found — the same answer as a missing one.
    const rule = (await repo.listRules(tx, scopeOf(ctx.actor))).find((r) => r.id === body.ruleId);
    if (!rule) throw errors.idNotFound('body.ruleId');
    if (!appliesTo(rule, org.path) || rule.effectiveFrom > today)
      throw errors.validation([{ path: 'body.ruleId', message: clubsIssues.rule_not_applicable }]);
    const issues: FieldIssue[] = [];
    const items: { personId: number; clubId: number | null; count: number; path: string }[] = [];
    const wrong = rule.kind === 'individual' ? 'clubIds' : 'personIds';
    for (const i of body[wrong].keys())
      issues.push({
        path: `body.${wrong}.${i}`,
        message: clubsIssues.rule_kind,
        params: { kind: rule.kind },
      });
    if (rule.kind === 'individual') {
      const ids = [...new Set(body.personIds)];
      const counts = await repo.donorCounts(tx, scope, {
        orgPath: org.path,
        to: today,
        min: 0,
        personIds: ids,
      });
      body.personIds.forEach((personId, i) => {
        const c = counts.find((x) => x.personId === personId);
        const path = `body.personIds.${i}`;
        if (!c) issues.push({ path, message: commonIssues.id_not_found });
        else items.push({ personId, clubId: null, count: c.donations, path });
      });
    } else {
      const fams = await repo.familyCounts(tx, scope, {
        orgPath: org.path,
        to: today,
        min: 0,
        clubIds: body.clubIds,
      });
      body.clubIds.forEach((clubId, i) => {
        const f = fams.find((x) => x.clubId === clubId);
        const path = `body.clubIds.${i}`;
        if (!f) issues.push({ path, message: commonIssues.id_not_found });
        else if (!f.leaderId) issues.push({ path, message: clubsIssues.family_no_leader });
        else items.push({ personId: f.leaderId, clubId, count: f.donations, path });
      });
    }
    const held = await repo.heldLevels(
      tx,
      items.map((x) => x.personId),
    );
    for (const x of items) {
      if (x.count < rule.threshold)
        issues.push({
          path: x.path,
          message: clubsIssues.below_threshold,
          params: { threshold: rule.threshold, count: x.count },
        });
      else if (held.some((h) => h.personId === x.personId && sameLevel(h, rule)))
        issues.push({ path: x.path, message: clubsIssues.already_honoured });
    }
    if (issues.length) throw errors.validation(issues);
    if (items.length === 0)
      throw errors.validation([{ path: 'body.personIds', message: clubsIssues.nothing_to_propose }]);
    const ids = await repo.insertHonours(tx, items, { ruleId: rule.id, orgId: org.id, orgPath: org.path });
    await recordAudit(tx, ctx, {
      action: 'blood.honour.propose',
      entityType: 'donor_honour',
      entityId: null,
      entityLabel: rule.titleVi,
      orgId: org.id,
      orgPath: org.path,
      after: { ruleId: rule.id, honourIds: ids, personIds: items.map((x) => x.personId) },
    });
    const decide = scopeOf(ctx.actor, 'blood.manage');
    const list = await repo.listHonours(tx, scopeOf(ctx.actor), decide, {});
    return list.filter((h) => ids.includes(h.id)).map((h) => honourView(ctx, h));
  });
}

const honourView = (ctx: Ctx, h: repo.HonourRow) => {
  const { ruleOrgPath, orgPath: _o, ...rest } = h;
  const open = h.status === 'proposed' || h.status === 'approved';
  return { ...rest, can: { decide: open && canDecideHonour(ctx.actor, ruleOrgPath) } };
};

export async function listHonours(ctx: Ctx, q: z.output<typeof honourQuery>) {
  const scope = scopeOf(ctx.actor);
  const orgPath = q.orgId ? (await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId')).path : undefined;
  if (q.personId && !(await findPeopleInScope(ctx.db, scope, [q.personId])).length)
    throw errors.idNotFound('querystring.personId');
  const list = await repo.listHonours(ctx.db, scope, scopeOf(ctx.actor, 'blood.manage'), {
    orgPath,
    status: q.status,
    personId: q.personId,
  });
  return list.map((h) => honourView(ctx, h));
}

export async function findHonour(ctx: Ctx, id: number) {
  const [h] = await repo.listHonours(ctx.db, scopeOf(ctx.actor), scopeOf(ctx.actor, 'blood.manage'), { id });
  if (!h) throw clubsErrors['honour.not_found']();
  return h;
}

/** The rule's deciding organisation (or above) approves, awards or rejects a proposal. */
export async function decide(ctx: Ctx, id: number, body: z.output<typeof decisionBody>) {
  return ctx.db.transaction(async (tx) => {
    const [h] = await repo.listHonours(tx, scopeOf(ctx.actor), scopeOf(ctx.actor, 'blood.manage'), {
      id,
      lock: true,
    });
    if (!h) throw clubsErrors['honour.not_found']();
    if (!canDecideHonour(ctx.actor, h.ruleOrgPath)) throw errors.forbidden();
    if (h.status === 'awarded' || h.status === 'rejected')
      throw clubsErrors.honour_decided({ status: h.status });
    await repo.decideHonour(tx, id, { ...body, decisionNo: body.decisionNo ?? null });
    const [after] = await repo.listHonours(tx, { all: true }, { all: true }, { id });
    await recordAudit(tx, ctx, {
      action: 'blood.honour.decide',
      entityType: 'donor_honour',
      entityId: id,
      entityLabel: `${h.name} — ${h.titleVi}`,
      orgPath: h.orgPath,
      orgId: h.proposedByOrgId,
      before: { status: h.status, decisionNo: h.decisionNo, decidedOn: h.decidedOn },
      after: { status: after!.status, decisionNo: after!.decisionNo, decidedOn: after!.decidedOn },
    });
    return honourView(ctx, after!);
  });
}

/** The printable list of honours proposed by or to be decided under `orgId` (PDF). */
export async function honourListFile(ctx: Ctx, q: z.output<typeof honourListQuery>) {
  const scope = scopeOf(ctx.actor);
  const org = await orgForField(ctx.db, scope, q.orgId, 'querystring.orgId');
  const list = await repo.listHonours(ctx.db, scope, scopeOf(ctx.actor, 'blood.manage'), {
    orgPath: org.path,
    status: q.status,
  });
  const parent = (await ancestorsOf(ctx.db, org.path)).at(-1);
  const body = await honourListPdf(
    list,
    { name: org.name, parentName: parent?.name ?? null },
    vnToday(ctx.clock),
    ctx.clock.now(),
  );
  return { body, name: `Danh sách tôn vinh - ${org.name}.pdf` };
}

export async function honourCertificateFile(ctx: Ctx, id: number) {
  const h = await findHonour(ctx, id);
  return {
    body: await honourCertificatePdf(h, vnToday(ctx.clock), ctx.clock.now()),
    name: `Chứng nhận tôn vinh - ${h.name}.pdf`,
  };
}
