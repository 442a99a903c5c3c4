import type { ResetPasswordBody } from '@swigs/schema';
import type { Transact } from '../../db/client';
import { AppError, fieldError } from '../../lib/errors';
import type { PasswordHasher } from '../../lib/passwords';
import type { ThrottleStore } from '../../lib/throttle';
import { randomSecret, sha256 } from '../../lib/tokens';
import { type MailLocale, mailLocaleOf } from '../../mail/layout';
import type { OutgoingMail } from '../../mail/mailer';
import type { MailJob, MailOutbox } from '../../mail/outbox';
import type { UsersRepository } from '../users/users.repository';
import { renderPasswordResetMail } from './password-reset.mail';
import type { PasswordResetsRepository } from './password-resets.repository';
import type { SessionsRepository } from './sessions.repository';

export const passwordResetMailKind = 'password-reset';

export interface PasswordResetLimits {
  ttlMinutes: number;
  maxPerEmail: number;
  maxPerIp: number;
  windowSeconds: number;
}

export interface PasswordResetServiceDeps {
  users: Pick<UsersRepository, 'findCredentialsByEmail' | 'findById' | 'update'>;
  resets: Pick<PasswordResetsRepository, 'replace' | 'findValid' | 'consume' | 'discardUnused'>;
  sessions: Pick<SessionsRepository, 'revokeAllForUser'>;
  passwords: Pick<PasswordHasher, 'hash'>;
  throttle: ThrottleStore;
  mail: Pick<MailOutbox, 'enqueue'>;
  transact: Transact;
  limits: PasswordResetLimits;
  /** Where the admin panel runs: the link is `${publicUrl}/admin/reset-password?token=…`. */
  publicUrl: string;
  productName: string;
}

interface PasswordResetJob extends MailJob {
  kind: typeof passwordResetMailKind;
  email: string;
  locale: MailLocale;
}

export function createPasswordResetService(deps: PasswordResetServiceDeps) {
  const { users, resets, throttle, limits } = deps;

  return {
    /**
     * Queues a reset email. The answer never depends on whether the email belongs to an account:
     * both paths count against the same limits and queue the same job; the job (not the request)
     * looks the user up, creates the token and sends the mail — so neither the answer nor its
     * timing tells who has an account, and the token never sits in the job table.
     */
    async requestReset(
      email: string,
      client: { ip: string; locale: MailLocale; requestId?: string | undefined },
    ): Promise<void> {
      const [byEmail, byIp] = await Promise.all([
        throttle.hit(`password-reset:email:${email}`, limits.windowSeconds),
        throttle.hit(`password-reset:ip:${client.ip}`, limits.windowSeconds),
      ]);
      const exceeded = [
        byEmail.count > limits.maxPerEmail ? byEmail : undefined,
        byIp.count > limits.maxPerIp ? byIp : undefined,
      ]
        .filter((c) => c !== undefined)
        .map((c) => c.resetSeconds);
      if (exceeded.length > 0) {
        throw new AppError('RATE_LIMITED', 'Too many password reset requests. Wait before trying again.', {
          retryAfter: Math.max(1, ...exceeded),
        });
      }
      const job: PasswordResetJob = { kind: passwordResetMailKind, email, locale: client.locale };
      await deps.transact((tx) => deps.mail.enqueue(tx, job, { requestId: client.requestId }));
    },

    /** Mail composer: creates the token and the mail, or nothing for an unknown or disabled account. */
    async composeResetMail(job: MailJob): Promise<OutgoingMail | null> {
      const { email, locale } = job as PasswordResetJob;
      const credentials = await users.findCredentialsByEmail(email);
      if (!credentials?.active) return null;
      const user = await users.findById(credentials.id);
      if (!user) return null;
      const token = randomSecret();
      const expiresAt = new Date(Date.now() + limits.ttlMinutes * 60_000);
      await deps.transact((tx) => resets.replace(tx, user.id, sha256(token), expiresAt));
      const url = `${deps.publicUrl.replace(/\/$/, '')}/admin/reset-password?token=${encodeURIComponent(token)}`;
      const rendered = renderPasswordResetMail({
        locale: mailLocaleOf(locale),
        productName: deps.productName,
        userName: user.name,
        url,
        ttlMinutes: limits.ttlMinutes,
      });
      return { to: user.email, ...rendered };
    },

    /**
     * Sets a new password with a valid token. The token is consumed in the same transaction as the
     * password change, and every session of the user ends.
     */
    async resetPassword(body: Required<ResetPasswordBody>): Promise<void> {
      const tokenHash = sha256(body.token);
      const invalid = () =>
        new AppError(
          'RESET_TOKEN_INVALID',
          'This reset link is invalid, used or expired. Ask for a new one.',
        );
      const target = await resets.findValid(tokenHash);
      if (!target?.active) throw invalid();
      if (body.password.trim().toLowerCase() === target.email) {
        throw fieldError('password', 'The password must not be the email address.');
      }
      // Hashed before the transaction: bcrypt takes a quarter of a second, a transaction should not.
      const passwordHash = await deps.passwords.hash(body.password);
      await deps.transact(async (tx) => {
        const userId = await resets.consume(tx, tokenHash);
        if (userId !== target.userId) throw invalid();
        await users.update(tx, userId, { passwordHash });
        await resets.discardUnused(tx, userId);
        await deps.sessions.revokeAllForUser(tx, userId);
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
