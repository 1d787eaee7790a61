/** Deployment's documents: send-off lists, the wave summary, participation certificates and their verification. */
import { z } from 'zod';
import { idText } from '../common.ts';

/** One institution's list (`orgId`) or one destination's (`destinationId`); neither: everything the caller reads. */
export const sendOffQuery = z.object({ orgId: idText.optional(), destinationId: idText.optional() });
export const certificatesQuery = z.object({ orgId: idText.optional() });

export const participationVerifyParams = z.object({ number: z.string().trim().min(1).max(40) });
export const participationVerifyView = z.object({
  number: z.string(),
  fullName: z.string(),
  waveTitle: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  orgName: z.string(),
  state: z.enum(['completed', 'in_progress', 'cancelled']),
  issuedOn: z.string(),
});
export type ParticipationVerifyView = z.infer<typeof participationVerifyView>;
