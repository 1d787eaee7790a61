/**
 * Self-registration: links an institution shares (`/api/volunteers/signup-links`), the public form
 * (`/api/public/volunteer-signup/:token`) and the applications an officer approves or rejects.
 */
import { z } from 'zod';
import { birthDate, eventDate, id, idText, optionalText } from '../common.ts';
import { volunteerGroups, volunteerIssues, volunteerSkillCodes } from './common.ts';

/** The consent wording's version the form shows; an application records the one it was given under. */
export const SIGNUP_CONSENT_VERSION = '2026-01';

export const signupLinkBody = z.object({
  orgId: id,
  expiresOn: eventDate,
  title: z.string().trim().min(1).max(200),
});

export const signupLinksQuery = z.object({ orgId: idText.optional() });

export const signupLinkView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  title: z.string().nullable(),
  expiresOn: z.string(),
  active: z.boolean(),
  /** Still accepting sign-ups today (active and not expired). */
  open: z.boolean(),
  applications: z.number().int(),
  createdAt: z.string(),
});

/** Answered once, on creation: the token is never stored (only its sha256), so the URL cannot be shown again. */
export const signupLinkCreated = signupLinkView.extend({ token: z.string(), path: z.string() });

/** 32 random bytes, base64url: 43 characters. */
export const signupTokenParam = z.object({
  token: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const publicSignupView = z.object({
  institutionName: z.string(),
  title: z.string().nullable(),
  consentVersion: z.string(),
});

export const signupBody = z.object({
  fullName: z.string().trim().min(1).max(100),
  birthDate,
  sex: z.enum(['male', 'female']).nullish(),
  cccd: optionalText(20),
  phone: z.string().trim().min(1).max(20),
  email: optionalText(254),
  group: z.enum(volunteerGroups),
  faculty: optionalText(200),
  studyYear: z.number().int().min(1).max(10).nullish(),
  skills: z.array(z.enum(volunteerSkillCodes)).max(20).default([]),
  /** The explicit consent checkbox (Decree 13/2023): only `true` is accepted. */
  consent: z.literal(true, { error: volunteerIssues.consent_required }),
  consentVersion: z.string().trim().min(1).max(20),
});

export const signupAccepted = z.object({ ok: z.literal(true), institutionName: z.string() });

export const applicationStatuses = ['pending', 'approved', 'rejected'] as const;

export const applicationsQuery = z.object({
  orgId: idText.optional(),
  status: z.enum(applicationStatuses).optional(),
});

export const applicationView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  linkTitle: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.string().nullable(),
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  group: z.string(),
  faculty: z.string().nullable(),
  studyYear: z.number().int().nullable(),
  skills: z.array(z.string()),
  consentAt: z.string(),
  consentVersion: z.string(),
  status: z.enum(applicationStatuses),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  personId: z.number().int().nullable(),
  profileId: z.number().int().nullable(),
  createdAt: z.string(),
  can: z.object({ decide: z.boolean() }),
});
export type ApplicationView = z.infer<typeof applicationView>;

/** `personId`: approve onto a person the officer already sees (after a `people.duplicate` answer). */
export const approveBody = z.object({ personId: id.optional() });
export const rejectBody = z.object({ reason: z.string().trim().min(1).max(500) });
