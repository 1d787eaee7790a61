/** Who receives a plan: units that report and units that get a copy. */
import { z } from 'zod';
import { pageOf, pageQuery } from '../common.ts';

export const recipientRole = z.enum(['reporter', 'copy']);
export const recipientItem = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  /** The organisation's parent, to tell apart units of the same name. */
  parentName: z.string().nullable(),
  role: recipientRole,
  /** Set when an amendment added it: it reports for the periods due from that day. */
  addedOn: z.string().nullable(),
});
export type RecipientItem = z.infer<typeof recipientItem>;
/** A plan's recipients, a page at a time: by role, by name without diacritics, or those the caller may act for. */
export const recipientsQuery = pageQuery.extend({
  role: recipientRole.optional(),
  q: z.string().trim().max(100).optional(),
  /** report: units the caller may report for; implement: those it may issue an implementing plan as. */
  can: z.enum(['report', 'implement']).optional(),
});
export const recipientsPage = pageOf(recipientItem);
export type RecipientsPage = z.infer<typeof recipientsPage>;
