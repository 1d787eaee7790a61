import { createHash } from 'node:crypto';
import type { AttachmentView } from '../../../contracts/plan-files.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { errors } from '../../../platform/errors.ts';
import { scopeOf } from '../../../platform/scope.ts';
import { MAX_ATTACHMENT_BYTES, planErrors, plansErrors } from '../plans.errors.ts';
import { assertManagesAttachments } from '../plans.policy.ts';
import * as repo from '../plans.repo.ts';
import * as files from './files.repo.ts';

/**
 * Files attached to a plan (the signed guidance, forms, photos). Kept in the database — bytes and their
 * sha256 — so a restart or a second app instance never loses one. The type is read from the content,
 * not trusted from the name.
 */

export { MAX_ATTACHMENT_BYTES };

type Kind = { label: string; contentType: string; extensions: string[] };
const kinds = {
  pdf: { label: 'PDF', contentType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    label: 'Word (.docx)',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel (.xlsx)',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  png: { label: 'ảnh PNG', contentType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'ảnh JPEG', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { label: 'ảnh GIF', contentType: 'image/gif', extensions: ['gif'] },
  webp: { label: 'ảnh WEBP', contentType: 'image/webp', extensions: ['webp'] },
} satisfies Record<string, Kind>;
const allowedText = 'PDF, Word (.docx), Excel (.xlsx) và ảnh (PNG, JPEG, GIF, WEBP)';

export const attachmentErrors = {
  tooLarge: () => plansErrors.attachment_too_large({ maxBytes: MAX_ATTACHMENT_BYTES }),
  type: (text: string, detected: string | null) =>
    plansErrors.attachment_type(
      { text },
      { detected, allowed: Object.values(kinds).flatMap((k) => k.extensions) },
    ),
  notFound: () => plansErrors['attachments.not_found'](),
};

const startsWith = (buf: Buffer, bytes: number[] | string, offset = 0) => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return buf.length >= offset + b.length && buf.subarray(offset, offset + b.length).equals(b);
};

/** The file's type from its first bytes (and, for Office files, the parts the ZIP archive names). */
export function detectKind(buf: Buffer): keyof typeof kinds | 'legacy_office' | 'zip' | null {
  if (startsWith(buf, '%PDF-')) return 'pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, 'GIF87a') || startsWith(buf, 'GIF89a')) return 'gif';
  if (startsWith(buf, 'RIFF') && startsWith(buf, 'WEBP', 8)) return 'webp';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy_office';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // Part names are stored uncompressed in the ZIP headers.
    if (!buf.includes('[Content_Types].xml', 0, 'latin1')) return 'zip';
    if (buf.includes('word/document.xml', 0, 'latin1')) return 'docx';
    if (buf.includes('xl/workbook.xml', 0, 'latin1')) return 'xlsx';
    return 'zip';
  }
  return null;
}

/** The name as shown and downloaded: no folders, no control characters, composed Vietnamese. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const isPrintable = (ch: string) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"';
  const clean = [...base].filter(isPrintable).join('').trim().slice(-200);
  return clean || 'tep-dinh-kem';
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1] ?? '').toLowerCase();

/** Refuses what is not an allowed type, or whose name says another type than its content. */
function checkType(fileName: string, content: Buffer): Kind {
  const ext = extensionOf(fileName);
  const named = ext ? `tệp .${ext}` : 'tệp không có đuôi';
  const detected = detectKind(content);
  if (detected === 'legacy_office')
    throw attachmentErrors.type(
      `“${fileName}” là tệp Word/Excel đời cũ (.doc/.xls): hãy lưu lại thành .docx hoặc .xlsx rồi tải lên. Chỉ nhận ${allowedText}.`,
      detected,
    );
  if (detected === null || detected === 'zip')
    throw attachmentErrors.type(`Không nhận ${named} (“${fileName}”): chỉ nhận ${allowedText}.`, detected);
  const kind: Kind = kinds[detected];
  if (!kind.extensions.includes(ext))
    throw attachmentErrors.type(
      `“${fileName}” có đuôi ${ext ? `.${ext}` : 'trống'} nhưng nội dung là ${kind.label}: hãy đặt đúng đuôi .${kind.extensions[0]}.`,
      detected,
    );
  return kind;
}

const view = (a: Awaited<ReturnType<typeof files.listAttachments>>[number]): AttachmentView => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  uploadedByName: a.uploadedByName ?? null,
  createdAt: new Date(a.createdAt).toISOString(),
});

async function visiblePlan(ctx: Ctx, db: Db | Tx, planId: number) {
  const plan = await repo.findPlan(db, scopeOf(ctx.actor), planId);
  if (!plan) throw planErrors.notFound();
  return plan;
}

async function managedPlan(ctx: Ctx, tx: Tx, planId: number) {
  const plan = await visiblePlan(ctx, tx, planId);
  assertManagesAttachments(ctx, plan);
  return plan;
}

export async function listAttachments(ctx: Ctx, planId: number): Promise<AttachmentView[]> {
  await visiblePlan(ctx, ctx.db, planId);
  return (await files.listAttachments(ctx.db, planId)).map(view);
}

export async function addAttachment(ctx: Ctx, planId: number, file: { fileName: string; content: Buffer }) {
  const id = await ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    const fileName = cleanFileName(file.fileName);
    if (file.content.length === 0)
      throw errors.validation([{ path: 'body.file', message: `Tệp “${fileName}” trống.` }]);
    if (file.content.length > MAX_ATTACHMENT_BYTES) throw attachmentErrors.tooLarge();
    const kind = checkType(fileName, file.content);
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const row = await files.insertAttachment(tx, {
      planId,
      fileName,
      contentType: kind.contentType,
      size: file.content.length,
      sha256,
      content: file.content,
      uploadedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'attach',
      entityType: 'plan',
      entityId: planId,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      after: { attachmentId: row.id, fileName, contentType: kind.contentType, size: row.size, sha256 },
    });
    return row.id;
  });
  const [created] = (await files.listAttachments(ctx.db, planId)).filter((a) => a.id === id);
  return view(created!);
}

export async function downloadAttachment(ctx: Ctx, planId: number, attachmentId: number) {
  await visiblePlan(ctx, ctx.db, planId);
  const row = await files.findAttachment(ctx.db, planId, attachmentId, true);
  if (!row?.content) throw attachmentErrors.notFound();
  // PGlite answers bytea as a Uint8Array, node-postgres as a Buffer.
  const content = Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, content };
}

/** Marks the file removed (kept for the audit trail, no longer listed or served). */
export async function removeAttachment(ctx: Ctx, planId: number, attachmentId: number) {
  await ctx.db.transaction(async (tx) => {
    const plan = await managedPlan(ctx, tx, planId);
    const row = await files.findAttachment(tx, planId, attachmentId, false);
    if (!row) throw attachmentErrors.notFound();
    await files.markAttachmentRemoved(tx, attachmentId);
    await recordAudit(tx, ctx, {
      action: 'remove_attachment',
      entityType: 'plan',
      entityId: planId,
      orgId: plan.issuerOrgId,
      orgPath: plan.issuerPath,
      before: { attachmentId, fileName: row.fileName, sha256: row.sha256 },
    });
  });
}
