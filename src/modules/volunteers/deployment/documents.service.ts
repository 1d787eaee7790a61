import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { compareVietnameseNames } from '../../../contracts/names.ts';
import type { ParticipationVerifyView } from '../../../contracts/volunteers/deployment-documents.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { orgForField } from '../../orgs/index.ts';
import { waveForReading } from './assignments.manage.service.ts';
import * as assignments from './assignments.repo.ts';
import { deploymentErrors } from './deployment.errors.ts';
import { canManageAssignment, certificateEligible } from './deployment.policy.ts';
import * as repo from './documents.repo.ts';

/**
 * What deployment's documents print. Every list is the caller's read of the wave: the issuer sees every
 * institution, an institution only its own volunteers — in any document.
 */

const basisKinds: Record<string, string> = {
  decision: 'Quyết định',
  order: 'Chỉ đạo',
  official_letter: 'Công văn',
  plan: 'Kế hoạch',
  other: 'Văn bản',
};

/** "Chỉ đạo ngày 26/05/2021 của Thứ trưởng Nguyễn Trường Sơn" (with its number when it has one). */
export function basisText(w: assignments.WaveRow): string {
  const [y, m, d] = w.basisDate.split('-');
  const no = w.basisNumber ? ` số ${w.basisNumber}` : '';
  return `${basisKinds[w.basisKind] ?? 'Văn bản'}${no} ngày ${d}/${m}/${y} của ${w.basisSigner}`;
}

export type SendOffDocument = {
  wave: assignments.WaveRow;
  basis: string;
  /** What the list covers: an institution's name, a destination's, or null (the whole wave). */
  orgName: string | null;
  destinationName: string | null;
  today: string;
  rows: assignments.AssignmentRow[];
};

export async function loadSendOff(ctx: Ctx, waveId: number, q: { orgId?: number; destinationId?: number }) {
  const { wave, read } = await waveForReading(ctx, waveId);
  const org = q.orgId ? await orgForField(ctx.db, scopeOf(ctx.actor), q.orgId, 'querystring.orgId') : null;
  const destinations = await assignments.destinationsOf(ctx.db, waveId);
  const destination = q.destinationId ? destinations.find((d) => d.id === q.destinationId) : null;
  if (q.destinationId && !destination) throw errors.idNotFound('querystring.destinationId');
  const filter = sql`a.status <> 'cancelled'
    AND ${org ? sql`a.org_path <@ ${org.path}::ltree` : sql`true`}
    AND ${destination ? sql`a.destination_id = ${destination.id}` : sql`true`}`;
  const list = await assignments.assignmentsOfWave(ctx.db, waveId, read, filter);
  // By institution, then by given name (Vietnamese order).
  list.sort(
    (a, b) => a.orgName.localeCompare(b.orgName, 'vi') || compareVietnameseNames(a.fullName, b.fullName),
  );
  return {
    wave,
    basis: basisText(wave),
    orgName: org?.name ?? null,
    destinationName: destination?.name ?? null,
    today: vnToday(ctx.clock),
    rows: list,
  } satisfies SendOffDocument;
}

export type SummaryDocument = {
  wave: assignments.WaveRow;
  basis: string;
  today: string;
  rows: repo.SummaryRow[];
  totals: Omit<repo.SummaryRow, 'orgId' | 'orgName'>;
};

export async function loadSummary(ctx: Ctx, waveId: number): Promise<SummaryDocument> {
  const { wave, read } = await waveForReading(ctx, waveId);
  const list = await repo.summaryRows(ctx.db, waveId, read);
  const totals = { quota: 0, proposed: 0, deployed: 0, returned: 0, approvedHours: 0 };
  for (const r of list)
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += Number(r[k]);
  return { wave, basis: basisText(wave), today: vnToday(ctx.clock), rows: list, totals };
}

const SUFFIX = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const suffix = () => Array.from({ length: 4 }, () => SUFFIX[randomInt(SUFFIX.length)]).join('');

export type CertificateDocument = {
  wave: assignments.WaveRow;
  today: string;
  verifyBase: string;
  rows: assignments.AssignmentRow[];
};

/**
 * Participation certificates of completed assignments (returned, ended early, or past their end) in the caller's
 * read: one assignment (`assignmentId`) or a wave's (optionally one institution's). A number is given on first
 * issue (audited), which needs the right to manage the assignment; later downloads reprint the same number.
 */
export async function loadCertificates(
  ctx: Ctx,
  target: { assignmentId: number } | { waveId: number; orgId?: number },
  publicUrl: string | undefined,
): Promise<CertificateDocument> {
  const today = vnToday(ctx.clock);
  const reading = 'waveId' in target ? await waveForReading(ctx, target.waveId) : null;
  const loaded = await ctx.db.transaction(async (tx) => {
    let list: assignments.AssignmentRow[];
    let waveId: number;
    if ('assignmentId' in target) {
      const a = await assignments.findAssignment(tx, scopeOf(ctx.actor), target.assignmentId);
      if (!a) throw deploymentErrors['assignment.not_found']();
      if (!certificateEligible(a, today)) throw deploymentErrors.certificate_not_eligible();
      list = [a];
      waveId = a.waveId;
    } else {
      const read = reading!.read;
      const org = target.orgId
        ? await orgForField(tx, scopeOf(ctx.actor), target.orgId, 'querystring.orgId')
        : null;
      const all = await assignments.assignmentsOfWave(
        tx,
        target.waveId,
        read,
        org ? sql`a.org_path <@ ${org.path}::ltree` : sql`true`,
      );
      list = all.filter((a) => certificateEligible(a, today));
      waveId = target.waveId;
    }
    if (list.length === 0) throw deploymentErrors.certificate_not_eligible();
    const fresh = list.filter((a) => !a.certificateNo);
    if (fresh.some((a) => !canManageAssignment(ctx.actor, a))) throw errors.forbidden();
    const issued = await repo.assignCertificateNumbers(
      tx,
      fresh.map((a) => a.id),
      today,
      suffix,
    );
    for (const i of issued) {
      const a = list.find((x) => x.id === i.id)!;
      a.certificateNo = i.number;
      a.certificateIssuedOn = today;
      await recordAudit(tx, ctx, {
        action: 'deployment.certificate_issue',
        entityType: 'volunteer_assignment',
        entityId: a.id,
        entityLabel: a.fullName,
        orgPath: a.orgPath,
        after: { number: i.number },
      });
    }
    // The wave of an assignment the caller reads: its heading is printed whatever the caller's own scope.
    const wave = reading?.wave ?? (await assignments.findWave(tx, { all: true }, waveId))!;
    return { wave, list };
  });
  const rows = [...loaded.list].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  return { wave: loaded.wave, today, verifyBase: `${publicUrl ?? ''}/verify/tnv/`, rows };
}

/** The public check of a printed number: completed, in progress or cancelled, and who, where, when. */
export async function verifyParticipation(db: Db, number: string): Promise<ParticipationVerifyView | null> {
  const r = await repo.findByCertificateNo(db, number.toUpperCase());
  if (!r) return null;
  const state =
    r.status === 'cancelled'
      ? 'cancelled'
      : r.status === 'assigned' || r.status === 'deployed'
        ? 'in_progress'
        : 'completed';
  return {
    number: r.number,
    fullName: r.fullName,
    waveTitle: r.waveTitle,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    orgName: r.orgName,
    state: state === 'in_progress' && r.endsOn < r.issuedOn ? 'completed' : state,
    issuedOn: r.issuedOn,
  };
}
