import type {
  CertificateView,
  IssueCertificatesResult,
  VerifyView,
} from '../../../contracts/certificates.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { type Clock, vnToday } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { findOrgInScope } from '../../orgs/index.ts';
import { findPeopleInScope } from '../../people/index.ts';
import { findClass, sessionsOf } from '../classes/classes.repo.ts';
import {
  certificateBeforeLastSession,
  certificateClassCancelled,
  trainingErrors,
} from '../training.errors.ts';
import { canManageTraining, certificateCan, certificateCanChange } from '../training.policy.ts';
import {
  addMonths,
  certificateNumber,
  issuerSymbol,
  newVerifyCode,
  normaliseVerifyCode,
  stateOf,
} from './certificates.number.ts';
import * as repo from './certificates.repo.ts';
import { issueRefusal } from './certificates.rules.ts';
import { findByVerifyCode } from './verify.repo.ts';

/**
 * Certificates (giấy chứng nhận, thẻ an toàn lao động): issued to the learners of a class who passed,
 * numbered per issuer and year, revoked or reissued with a reason, verified by anyone through the code of
 * the QR link. The issuer is the class's provider; scope follows the issuer's path.
 */

export const verifyPathOf = (code: string) => `/verify/${code}`;

export function toView(r: repo.CertificateRow, today: string): CertificateView {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    state: stateOf(r.status, r.validUntil, today),
    statusReason: r.statusReason,
    issuedOn: r.issuedOn,
    validUntil: r.validUntil,
    issuerOrgId: r.issuerOrgId,
    issuerName: r.issuerName,
    personId: r.personId,
    personName: r.personName,
    personBirthDate: r.personBirthDate,
    courseTypeId: r.courseTypeId,
    courseCode: r.courseCode,
    courseName: r.courseName,
    certificateKind: r.certificateKind,
    enrolmentId: r.enrolmentId,
    classId: r.classId,
    classCode: r.classCode,
    replacesId: r.replacesId,
    verifyCode: r.verifyCode,
    verifyPath: verifyPathOf(r.verifyCode),
  };
}

const auditView = (c: repo.NewCertificate & { id: number }) => ({
  number: c.number,
  personId: c.personId,
  enrolmentId: c.enrolmentId,
  courseTypeId: c.courseTypeId,
  issuedOn: c.issuedOn,
  validUntil: c.validUntil,
  replacesId: c.replacesId,
});

/**
 * Issues a certificate to every learner of the class who passed and has none for it yet: running it again
 * issues nothing new. Only for an ended class, dated today and so never before its last session. The class row is locked first (two calls for one class queue), then the issuer's
 * counter row (calls for different classes of one issuer queue only for the numbering).
 */
export async function issueClassCertificates(ctx: Ctx, classId: number): Promise<IssueCertificatesResult> {
  const today = vnToday(ctx.clock);
  const ids = await ctx.db.transaction(async (tx) => {
    const k = await repo.lockClassForIssue(tx, scopeOf(ctx.actor), classId);
    if (!k) throw trainingErrors['class.not_found']();
    if (!canManageTraining(ctx.actor, k.providerPath)) throw errors.forbidden();
    if (k.certificateKind === 'attendance') throw trainingErrors.certificate_not_issued_for_course();
    if (k.status === 'cancelled') throw certificateClassCancelled();
    const early = issueRefusal(k.status, await sessionsOf(tx, classId), today);
    if (early?.reason === 'not_completed') throw trainingErrors.certificates_class_not_ended();
    if (early) throw certificateBeforeLastSession(early.day);
    const passed = await repo.passedEnrolments(tx, classId);
    const pending = passed.filter((e) => !e.hasCertificate);
    if (pending.length === 0) return { ids: [], already: passed.length };
    const year = Number(today.slice(0, 4));
    const first = await repo.takeNumbers(tx, k.providerOrgId, year, pending.length);
    const symbol = issuerSymbol(k.providerName, k.providerShortName);
    const validUntil = k.validityMonths ? addMonths(today, k.validityMonths) : null;
    const list: repo.NewCertificate[] = pending.map((e, i) => ({
      issuerOrgId: k.providerOrgId,
      issuerPath: k.providerPath,
      year,
      seq: first + i,
      number: certificateNumber(first + i, year, k.certificateKind as 'certificate', symbol),
      personId: e.personId,
      enrolmentId: e.enrolmentId,
      courseTypeId: k.courseTypeId,
      issuedOn: today,
      validUntil,
      verifyCode: newVerifyCode(),
      replacesId: null,
      createdBy: ctx.actor.userId,
    }));
    const inserted = await repo.insertCertificates(tx, list);
    for (const [i, id] of inserted.entries())
      await recordAudit(tx, ctx, {
        action: 'certificate.issue',
        entityType: 'certificate',
        entityId: id,
        orgId: k.providerOrgId,
        orgPath: k.providerPath,
        after: { ...auditView({ ...list[i]!, id }), classId },
      });
    return { ids: inserted, already: passed.length - pending.length };
  });
  const rows = await repo.findCertificatesByIds(ctx.db, ids.ids);
  return { issued: rows.map((r) => toView(r, today)), alreadyCertified: ids.already };
}

export async function listCertificates(
  ctx: Ctx,
  q: {
    personId?: number | undefined;
    classId?: number | undefined;
    orgId?: number | undefined;
    status?: 'valid' | 'revoked' | 'replaced' | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const scope = scopeOf(ctx.actor);
  // The holder and the class filtered by are resolved through the caller's scope, as their GETs.
  if (q.personId && (await findPeopleInScope(ctx.db, scope, [q.personId])).length === 0)
    throw errors.idNotFound('querystring.personId');
  if (q.classId && !(await findClass(ctx.db, scope, q.classId)))
    throw errors.idNotFound('querystring.classId');
  let orgPath: string | undefined;
  if (q.orgId) {
    const org = await repo.orgPathForFilter(ctx.db, q.orgId);
    // An organisation outside the caller's scope simply has no certificates the caller can see.
    orgPath = org ?? '0.0';
  }
  const { items, total } = await repo.listCertificates(
    ctx.db,
    scope,
    { personId: q.personId, classId: q.classId, orgPath, status: q.status, q: q.q },
    q,
  );
  const today = vnToday(ctx.clock);
  return {
    items: items.map((r) => ({
      ...toView(r, today),
      can: certificateCan(ctx.actor, r),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getCertificate(ctx: Ctx, id: number): Promise<repo.CertificateRow> {
  const row = await repo.findCertificate(ctx.db, scopeOf(ctx.actor), id);
  if (!row) throw trainingErrors['certificate.not_found']();
  return row;
}

export async function classCertificatesForPrint(ctx: Ctx, classId: number) {
  const k = await repo.findClassInScope(ctx.db, scopeOf(ctx.actor), classId);
  if (!k) throw trainingErrors['class.not_found']();
  const list = await repo.classCertificates(ctx.db, classId);
  if (list.length === 0) throw trainingErrors['certificates.not_found']();
  return { classCode: k.code, list };
}

async function lockForChange(ctx: Ctx, tx: Tx, id: number) {
  const c = await repo.lockCertificate(tx, scopeOf(ctx.actor), id);
  if (!c) throw trainingErrors['certificate.not_found']();
  if (!certificateCanChange(ctx.actor, c)) throw errors.forbidden();
  if (c.status !== 'valid') throw trainingErrors.certificate_not_valid({ status: c.status });
  return c;
}

/** Revokes a certificate for good: the verification page then says it was revoked. */
export async function revokeCertificate(ctx: Ctx, id: number, reason: string): Promise<CertificateView> {
  await ctx.db.transaction(async (tx) => {
    const c = await lockForChange(ctx, tx, id);
    await repo.setStatus(tx, id, 'revoked', reason);
    await recordAudit(tx, ctx, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: id,
      orgId: c.issuerOrgId,
      orgPath: c.issuerPath,
      before: { status: 'valid' },
      after: { status: 'revoked', reason },
    });
  });
  return toView((await repo.findCertificate(ctx.db, { all: true }, id))!, vnToday(ctx.clock));
}

/**
 * Replaces a certificate (a correction, a lost card) by a new one with a new number of today's year and a
 * new verification code; the old one is marked replaced and points nowhere else. The validity stays that
 * of the training which earned it: a reissue does not extend it.
 */
export async function reissueCertificate(ctx: Ctx, id: number, reason: string) {
  const today = vnToday(ctx.clock);
  const newId = await ctx.db.transaction(async (tx) => {
    const c = await lockForChange(ctx, tx, id);
    const old = (await repo.findCertificate(tx, { all: true }, id))!;
    // The caller manages training at the issuer (lockForChange), so it is in scope.
    const issuer = (await findOrgInScope(tx, scopeOf(ctx.actor), c.issuerOrgId))!;
    const year = Number(today.slice(0, 4));
    const seq = await repo.takeNumbers(tx, c.issuerOrgId, year, 1);
    const kind = old.certificateKind === 'safety_card' ? 'safety_card' : 'certificate';
    const next: repo.NewCertificate = {
      issuerOrgId: c.issuerOrgId,
      issuerPath: c.issuerPath,
      year,
      seq,
      number: certificateNumber(seq, year, kind, issuerSymbol(issuer.name, issuer.shortName)),
      personId: old.personId,
      enrolmentId: old.enrolmentId,
      courseTypeId: old.courseTypeId,
      issuedOn: today,
      validUntil: old.validUntil,
      verifyCode: newVerifyCode(),
      replacesId: id,
      createdBy: ctx.actor.userId,
    };
    await repo.setStatus(tx, id, 'replaced', reason);
    const [created] = await repo.insertCertificates(tx, [next]);
    const where = { entityType: 'certificate' as const, orgId: c.issuerOrgId, orgPath: c.issuerPath };
    await recordAudit(tx, ctx, {
      ...where,
      action: 'certificate.replace',
      entityId: id,
      before: { status: 'valid' },
      after: { status: 'replaced', reason, replacedById: created },
    });
    await recordAudit(tx, ctx, {
      ...where,
      action: 'certificate.reissue',
      entityId: created!,
      after: { ...auditView({ ...next, id: created! }), reason },
    });
    return created!;
  });
  const [replaced, certificate] = await repo
    .findCertificatesByIds(ctx.db, [id, newId])
    .then((list) => [list.find((r) => r.id === id)!, list.find((r) => r.id === newId)!]);
  return { replaced: toView(replaced!, today), certificate: toView(certificate!, today) };
}

/** Public: what anyone holding the code may know — state, number, course, issuer, dates, name, birth year. */
export async function verifyCertificate(
  deps: { db: Db; clock: Clock },
  code: string,
): Promise<VerifyView | null> {
  const normalised = normaliseVerifyCode(code);
  if (!/^[A-Z2-7]{16,64}$/.test(normalised)) return null;
  const row = await findByVerifyCode(deps.db, normalised);
  if (!row) return null;
  return {
    state: stateOf(row.status, row.validUntil, vnToday(deps.clock)),
    number: row.number,
    certificateKind: row.certificateKind,
    courseName: row.courseName,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    holderName: row.holderName,
    holderBirthYear: row.holderBirthYear,
  };
}
