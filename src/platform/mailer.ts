import { createTransport } from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string };

/** Sends mail, or does nothing when SMTP is not configured (`isEnabled` says which). */
export type Mailer = {
  isEnabled: boolean;
  send: (message: MailMessage) => Promise<void>;
  close: () => void;
};

export const noMailer: Mailer = { isEnabled: false, send: async () => {}, close: () => {} };

const DEFAULT_FROM = 'Chung Tay <no-reply@localhost>';

/**
 * A mailer for `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer's URL options such as
 * `?pool=true` apply). The sender is the URL's `from` parameter (`?from=chungtay@example.vn`), else a
 * no-reply address. A malformed URL stops the start-up with a message naming the variable.
 */
export function createMailer(smtpUrl: string | undefined): Mailer {
  if (!smtpUrl) return noMailer;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('Invalid configuration:\n  SMTP_URL: not a URL (smtp://user:pass@host:587)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('Invalid configuration:\n  SMTP_URL: must start with smtp:// or smtps://');
  const from = url.searchParams.get('from') ?? DEFAULT_FROM;
  url.searchParams.delete('from');
  // Short timeouts (the URL may override them): an unreachable server must not hold a tick, or a shutdown
  // waiting for it, for nodemailer's default two minutes.
  const transport = createTransport(
    { url: url.toString(), connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from },
  );
  return {
    isEnabled: true,
    send: async (m) => {
      await transport.sendMail({ to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

/**
 * Whether a send error concerns this one message (a rejected recipient or message) rather than the server
 * (connection refused, timeout, authentication): after a server error the rest of a batch waits for the
 * next tick instead of failing one by one.
 */
export function isMessageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}
