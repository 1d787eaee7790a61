import { z } from 'zod';
import { commonIssues, idText } from './common.ts';

/** Files of a plan: the consolidated export, the printable summary, report templates and attachments. */

const periodKey = z
  .string()
  .regex(/^(once|\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?)$/, commonIssues.period_key_invalid);

/** Which subtree and period a file is about (the same as the dashboard's). */
export const planFileQuery = z.object({
  orgId: idText,
  periodKey: periodKey.default('once'),
});

/** The text fields sent with a filled template (multipart/form-data, beside the field "file"). */
export const reportUploadFields = z.object({
  orgId: idText,
  periodKey,
  /** true: submit every filled line (all values required); false: save them as drafts. */
  submit: z.enum(['true', 'false']).default('false'),
});

export const reportUploadResult = z.object({
  /** Lines saved (as drafts or submitted). */
  saved: z.number().int(),
  submitted: z.number().int(),
  /** Lines left alone: empty, or already submitted with the same values. */
  skipped: z.number().int(),
  units: z.array(
    z.object({
      row: z.number().int(),
      orgId: z.number().int(),
      orgName: z.string(),
      result: z.enum(['saved', 'submitted', 'skipped_empty', 'unchanged']),
      status: z.enum(['draft', 'submitted', 'accepted', 'returned']).nullable(),
      version: z.number().int().nullable(),
    }),
  ),
});
export type ReportUploadResult = z.infer<typeof reportUploadResult>;

export const attachmentView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentParams = z.object({
  id: idText,
  attachmentId: idText,
});
