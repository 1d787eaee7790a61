/** Donor clubs: the club, its members and its activities (issue 12, capability 4). */
import { z } from 'zod';
import { eventDate, id, idText } from '../common.ts';
import { clubsIssues } from './clubs-issues.ts';
import { aboGroups, clubKinds, rhFactors } from './common.ts';

export const clubMemberRoles = ['member', 'leader', 'mobiliser'] as const;
const provinceCode = z
  .string()
  .trim()
  .regex(/^\d{2}$/, clubsIssues.province_code);

export const clubQuery = z.object({
  orgId: idText.optional(),
  kind: z.enum(clubKinds).optional(),
  q: z.string().trim().max(100).optional(),
});

export const clubBody = z.object({
  orgId: id,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(clubKinds),
  provinceCode: provinceCode.nullish(),
  foundedOn: eventDate.nullish(),
});
export const clubEditBody = clubBody.omit({ orgId: true });

export const clubCan = z.object({ manage: z.boolean(), health: z.boolean() });

export const clubView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  kind: z.enum(clubKinds),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  members: z.number().int(),
  activities: z.number().int(),
  can: clubCan,
});
export const clubList = z.object({ items: z.array(clubView), can: z.object({ create: z.boolean() }) });

export const memberParams = z.object({ id: idText, memberId: idText });

export const addMembersBody = z.object({
  personIds: z.array(id).min(1).max(500),
  role: z.enum(clubMemberRoles).default('member'),
  since: eventDate,
});
export const editMemberBody = z.object({
  role: z.enum(clubMemberRoles),
  since: eventDate,
  until: eventDate.nullish(),
});

/** A member as the club's keepers see them: the name; the blood group only with `blood.health`. */
export const clubMemberView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  role: z.enum(clubMemberRoles),
  since: z.string(),
  until: z.string().nullable(),
  donations: z.number().int(),
  abo: z.enum(aboGroups).nullable(),
  rh: z.enum(rhFactors).nullable(),
});

export const activityBody = z.object({
  heldOn: eventDate,
  title: z.string().trim().min(2).max(300),
  participants: z.number().int().min(0).max(100000).nullish(),
});
export const activityView = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  title: z.string(),
  participants: z.number().int().nullable(),
});
