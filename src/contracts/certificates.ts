import { z } from 'zod';
import { defineFieldIssues, id, idText, pageOf, pageQuery } from './common.ts';

export const certificateIssues = defineFieldIssues('certificates', {
  reason_min: 'Lý do cần ít nhất 3 ký tự',
});

const idQuery = idText;

/** Stored status; `expired` is not stored: it is a valid certificate whose `validUntil` has passed. */
export const certificateStatus = z.enum(['valid', 'revoked', 'replaced']);
export const certificateState = z.enum(['valid', 'expired', 'revoked', 'replaced']);
export type CertificateState = z.infer<typeof certificateState>;
export const certificateKind = z.enum(['certificate', 'safety_card', 'attendance']);

export const certificateView = z.object({
  id,
  number: z.string(),
  status: certificateStatus,
  /** What a reader of the certificate is told today: valid, expired, revoked or replaced. */
  state: certificateState,
  statusReason: z.string().nullable(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  issuerOrgId: id,
  issuerName: z.string(),
  personId: id,
  personName: z.string(),
  personBirthDate: z.string().nullable(),
  courseTypeId: id,
  courseCode: z.string(),
  courseName: z.string(),
  certificateKind,
  enrolmentId: id.nullable(),
  classId: id.nullable(),
  classCode: z.string().nullable(),
  replacesId: id.nullable(),
  /** The code in the QR link; the public page is `/verify/<verifyCode>`. */
  verifyCode: z.string(),
  verifyPath: z.string(),
  /** On lists: whether the caller may revoke or reissue it (the issuer's managers; a holder's employer reads only). */
  can: z.object({ revoke: z.boolean(), reissue: z.boolean() }).optional(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const issueCertificatesResult = z.object({
  /** Certificates issued by this call (none when every passed learner already has one). */
  issued: z.array(certificateView),
  /** Learners who passed and already had a certificate for this class (left as they were). */
  alreadyCertified: z.number().int(),
});
export type IssueCertificatesResult = z.infer<typeof issueCertificatesResult>;

export const certificateListQuery = pageQuery.extend({
  personId: idQuery.optional(),
  classId: idQuery.optional(),
  /** Certificates issued by this organisation or its units. */
  orgId: idQuery.optional(),
  status: certificateStatus.optional(),
  /** A certificate number, exact or its beginning ("000123/2026"), or the holder's name with or without diacritics. */
  q: z.string().trim().max(100).optional(),
});
export const certificatePage = pageOf(certificateView);

export const certificateReasonBody = z.object({
  reason: z.string().trim().min(3, certificateIssues.reason_min).max(500),
});

export const reissueResult = z.object({ replaced: certificateView, certificate: certificateView });

// ——— Public verification (no login): only what proves the certificate, nothing more personal ———

export const verifyParams = z.object({ code: z.string().trim().min(1).max(64) });

export const verifyView = z.object({
  state: certificateState,
  number: z.string(),
  certificateKind,
  courseName: z.string(),
  issuerName: z.string(),
  issuedOn: z.string(),
  validUntil: z.string().nullable(),
  holderName: z.string(),
  holderBirthYear: z.number().int().nullable(),
});
export type VerifyView = z.infer<typeof verifyView>;
