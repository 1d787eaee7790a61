import type { ModuleJob } from '../../platform/modules.ts';
import { sendPendingEmails } from './notifications.service.ts';

export const EMAIL_TASK = 'notification-emails';

/** Sends the notices' e-mails (only where SMTP_URL is set): each instance claims its own rows. */
export const emailTask: ModuleJob = {
  kind: 'tick',
  name: EMAIL_TASK,
  needsMailer: true,
  run: async (job) => {
    const r = await sendPendingEmails(job.db, job.mailer, job.log);
    if (r.failed) throw new Error(`${r.sent} e-mails sent, ${r.failed} failed (retried next tick)`);
    return `${r.sent} e-mails sent`;
  },
};
