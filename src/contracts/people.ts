import { z } from 'zod';
import { birthDate, defineFieldIssues, id, idText, pageOf, pageQuery } from './common.ts';

export const peopleIssues = defineFieldIssues('people', {
  cccd_digits: 'Số CCCD phải gồm đúng 12 chữ số',
});

/**
 * The person registry (learners, trainers, donors…). Structure is checked here; the domain rules (name
 * letters, CCCD province/century/year, phone, age 15–100) are checked by the service with Vietnamese
 * messages per field, because they need today's date and cross-check fields.
 */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((v) => (v.trim() === '' ? null : v))
    .nullish();

export const sexValue = z.enum(['male', 'female']);

/**
 * The CCCD's shape for forms (12 digits once spaces, dots and dashes are dropped). The API body does not refine
 * it: the service checks it with the other fields (province, century and year against the birth date), so one
 * 400 names every bad field at once instead of stopping at this one.
 */
export const cccdInput = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{12}$/.test(v.replace(/[\s.-]/g, '')), peopleIssues.cccd_digits);

export const createPersonBody = z.object({
  fullName: z.string().max(200),
  birthDate: birthDate.nullish(),
  sex: sexValue.nullish(),
  cccd: text(20),
  phone: text(20),
  email: text(254),
  jobTitle: text(200),
  employerOrgId: id.nullish(),
  /** The organisation that keeps the record (scope); 'person.manage' needed there. */
  orgId: id,
});
export type CreatePersonBody = z.output<typeof createPersonBody>;

export const updatePersonBody = createPersonBody.omit({ orgId: true }).partial().extend({ version: id });
export type UpdatePersonBody = z.output<typeof updatePersonBody>;

export const mergePersonBody = z.object({
  /** The person kept; the one in the path is marked merged into it. */
  intoId: id,
  /** Version of the person being merged (the one in the path). */
  version: id,
});

export const personListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  orgId: idText.optional(),
  employerOrgId: idText.optional(),
  status: z.enum(['active', 'merged', 'all']).default('active'),
});

export const personGetQuery = z.object({
  /** `cccd`: answer the full CCCD (needs 'person.sensitive'; the read is audited). */
  reveal: z.enum(['cccd']).optional(),
});

export const duplicatesQuery = z.object({ orgId: idText });

export const personView = z.object({
  id: z.number().int(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  sex: sexValue.nullable(),
  /** Masked (0010******56) unless revealed. */
  cccd: z.string().nullable(),
  cccdMasked: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  employerOrgId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  status: z.enum(['active', 'merged']),
  mergedIntoId: z.number().int().nullable(),
  version: z.number().int(),
  can: z.object({ manage: z.boolean(), revealCccd: z.boolean() }),
});
export type PersonView = z.infer<typeof personView>;

export const personPage = pageOf(personView);

export const mergeResult = z.object({
  kept: personView,
  mergedId: z.number().int(),
  moved: z.object({
    enrolments: z.number().int(),
    certificates: z.number().int(),
    trainers: z.number().int(),
  }),
});

export const duplicatePair = z.object({
  a: personView,
  b: personView,
  /** What they share: name + birth date + phone, or name + one of them. */
  reason: z.enum(['name_birth_phone', 'name_birth', 'name_phone']),
});

/** Details of a 409 `people.duplicate`: the person the new record would repeat. */
export const duplicateDetails = z.object({
  existingId: z.number().int(),
  matchedBy: z.enum(['cccd', 'name_birth_phone']),
});

// —— Roster import (POST /api/training/classes/:id/roster) ——

export const rosterFields = z.object({ mode: z.enum(['preview', 'commit']).default('preview') });

export const rosterIssue = z.object({
  row: z.number().int(),
  /** The column header as written in the file (e.g. "Số CCCD"). */
  column: z.string(),
  field: z.string(),
  message: z.string(),
  /** For the web's error list: `file.row 5.cccd`. */
  path: z.string(),
});
export type RosterIssue = z.infer<typeof rosterIssue>;

export const rosterRow = z.object({
  row: z.number().int(),
  fullName: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: sexValue.nullable(),
  /** Masked unless the caller has 'person.sensitive' at the class's provider. */
  cccd: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  jobTitle: z.string().nullable(),
  /** new: will be created; existing: will be linked to personId; enrolled: already in this class. */
  match: z.enum(['new', 'existing', 'enrolled']).nullable(),
  personId: z.number().int().nullable(),
  errors: z.array(rosterIssue),
  warnings: z.array(z.string()),
});

export const rosterPreview = z.object({
  mode: z.literal('preview'),
  classId: z.number().int(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  newPeople: z.number().int(),
  existingPeople: z.number().int(),
  /** Columns recognised: field → header in the file. */
  columns: z.record(z.string(), z.string()),
  /** Free seats now: new learners beyond them go to the waitlist on commit. */
  seatsLeft: z.number().int(),
  issues: z.array(rosterIssue),
  rows: z.array(rosterRow),
  parseMs: z.number().int(),
});

export const rosterCommit = z.object({
  mode: z.literal('commit'),
  classId: z.number().int(),
  total: z.number().int(),
  created: z.number().int(),
  linked: z.number().int(),
  enrolled: z.array(z.number().int()),
  waitlisted: z.array(z.number().int()),
  alreadyIn: z.array(z.number().int()),
});

export const rosterResult = z.union([rosterPreview, rosterCommit]);
export type RosterResult = z.infer<typeof rosterResult>;

/**
 * Progress of a roster import, for large files: sent with `Accept: application/x-ndjson`, the route answers one
 * JSON object per line — `{ progress }` while it works, then `{ result }` (a RosterResult) or `{ error }` (the
 * same `{ code, message, details }` as an error response; the status is already 200 by then). Phases: `read` the
 * workbook, `check` the rows (field rules, duplicates, registry), `write` the people (`done` of `total`, commit
 * only), `enrol` them. A refusal before work starts (sign-in, rights, no file) is an ordinary HTTP error.
 */
export const rosterProgress = z.object({
  phase: z.enum(['read', 'check', 'write', 'enrol']),
  done: z.number().int().optional(),
  total: z.number().int().optional(),
});
export type RosterProgress = z.infer<typeof rosterProgress>;
