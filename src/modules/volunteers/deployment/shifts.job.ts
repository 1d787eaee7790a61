import { recordAudit } from '../../../platform/audit.ts';
import type { ModuleJob } from '../../../platform/modules.ts';
import { flagMissingCheckouts } from './shifts.repo.ts';

/**
 * On every tick: check-outs still missing 2 hours after the shift ended are flagged (hours stay empty until an
 * officer enters them). The UPDATE claims its rows, so two instances never flag one twice.
 */
export const checkoutMissingJob: ModuleJob = {
  kind: 'tick',
  name: 'volunteers.deployment.checkout_missing',
  run: async ({ db, clock }) =>
    db.transaction(async (tx) => {
      const flagged = await flagMissingCheckouts(tx, clock.now());
      if (flagged.length === 0) return undefined;
      await recordAudit(
        tx,
        { actor: null, meta: { ip: null, userAgent: 'scheduler', requestId: null } },
        {
          action: 'deployment.checkout_missing',
          entityType: 'shift_signup',
          entityId: null,
          after: { signupIds: flagged.map((f) => f.id) },
        },
      );
      return `${flagged.length} flagged`;
    }),
};
