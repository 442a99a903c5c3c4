import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string | undefined;
}

export interface SentMail {
  messageId: string;
  /** Set when no SMTP server is configured: where the .eml file was written. */
  file?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export interface MailerSettings {
  smtpUrl: string | undefined;
  from: string;
  replyTo: string | undefined;
  dir: string;
}

/**
 * SMTP options from `smtp://user:pass@host:port` (or `smtps://` for implicit TLS). Query
 * parameters `ignoreTLS`, `requireTLS` and `rejectUnauthorized` tune TLS for local relays.
 * Short timeouts: a mail job must fail (and be retried later) rather than hang on a dead server.
 */
export function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const flag = (name: string) => url.searchParams.get(name) === 'true';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ignoreTLS: flag('ignoreTLS'),
    requireTLS: flag('requireTLS'),
    tls: { rejectUnauthorized: url.searchParams.get('rejectUnauthorized') !== 'false' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

/**
 * Sends mail through SMTP when `SMTP_URL` is set. Without it, each mail is written as an .eml file
 * under `DATA_DIR/mail` (open it with any mail program) and `onFileWritten` says where, so a
 * newcomer sees the password-reset link without configuring anything.
 */
export function createMailer(settings: MailerSettings, onFileWritten: (file: string) => void): Mailer {
  const defaults = { from: settings.from, ...(settings.replyTo ? { replyTo: settings.replyTo } : {}) };
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(smtpOptions(settings.smtpUrl), defaults);
    return {
      async send(mail) {
        const info = await transport.sendMail(mail);
        return { messageId: info.messageId };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'unix' },
    defaults,
  );
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      await mkdir(settings.dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const file = path.join(settings.dir, name);
      // Written under a temporary name first: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      onFileWritten(file);
      return { messageId: info.messageId, file };
    },
    close: () => transport.close(),
  };
}
