import { compareVietnameseNames } from '../../../contracts/names.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { canReveal, maskCccd } from '../../people/index.ts';
import * as repo from '../classes/classes.repo.ts';
import { trainingErrors } from '../training.errors.ts';
import { classCan } from '../training.policy.ts';
import * as files from './class-files.repo.ts';

/**
 * What the class documents print: the roster export (XLSX) and the attendance/signature sheet (PDF). Both hold
 * personal data, so they are for those who run the class or send its learners (provider's training managers,
 * the customer enterprise's staff), not for every reader of the class. A full CCCD is printed only for people
 * the caller may see it of (`person.sensitive` at the person's keeper), and that disclosure is audited.
 */

export type ClassDocument = {
  klass: repo.ClassRow;
  header: files.ClassHeader;
  sessions: Awaited<ReturnType<typeof repo.sessionsOf>>;
  trainers: Awaited<ReturnType<typeof repo.classTrainersOf>>;
  learners: (files.RosterLine & { cccdMasked: boolean })[];
};

export async function loadClassDocument(
  ctx: Ctx,
  classId: number,
  purpose: 'roster.xlsx' | 'attendance-sheet.pdf',
): Promise<ClassDocument> {
  const klass = await repo.findClass(ctx.db, scopeOf(ctx.actor), classId);
  if (!klass) throw trainingErrors['class.not_found']();
  if (!classCan(ctx.actor, klass).enrol)
    throw errors.forbidden('Chỉ đơn vị tổ chức lớp và doanh nghiệp cử học viên được tải danh sách học viên.');
  const [header, sessions, trainers, lines] = await Promise.all([
    files.classHeader(ctx.db, classId),
    repo.sessionsOf(ctx.db, classId),
    repo.classTrainersOf(ctx.db, classId),
    files.rosterLines(ctx.db, classId),
  ]);
  const revealed: number[] = [];
  const learners = lines.map((l) => {
    // The sheet has no CCCD column: only the roster export discloses it.
    const full = purpose === 'roster.xlsx' && l.cccd !== null && canReveal(ctx.actor, l.orgPath);
    if (full) revealed.push(l.personId);
    return { ...l, cccd: full ? l.cccd : maskCccd(l.cccd), cccdMasked: !full && l.cccd !== null };
  });
  learners.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'enrolled' ? -1 : 1) ||
      (a.status === 'enrolled' ? compareVietnameseNames(a.fullName, b.fullName) : 0),
  );
  if (revealed.length)
    // Decree 13/2023: who took whose national ID numbers, when and in which document (never the numbers).
    await recordAudit(ctx.db, ctx, {
      action: 'read_sensitive',
      entityType: 'training_class',
      entityId: classId,
      orgId: klass.providerOrgId,
      orgPath: klass.providerPath,
      after: { field: 'cccd', document: purpose, personIds: revealed },
    });
  return { klass, header: header!, sessions, trainers, learners };
}
