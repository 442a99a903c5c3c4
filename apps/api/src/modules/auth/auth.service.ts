import type { LoginBody, Session, User } from '@swigs/schema';
import { AppError } from '../../lib/errors';
import type { PasswordHasher } from '../../lib/passwords';
import type { ThrottleStore } from '../../lib/throttle';
import { type AccessTokenSigner, randomSecret, sha256 } from '../../lib/tokens';
import type { UsersRepository } from '../users/users.repository';
import type { SessionsRepository } from './sessions.repository';

export interface LoginLimits {
  maxPerAccount: number;
  maxPerIp: number;
  windowSeconds: number;
}

export interface AuthServiceDeps {
  users: Pick<UsersRepository, 'findCredentialsByEmail' | 'findById' | 'touchLastLogin'>;
  sessions: Pick<
    SessionsRepository,
    'insert' | 'findByTokenHash' | 'findByPreviousTokenHash' | 'rotate' | 'revoke'
  >;
  passwords: Pick<PasswordHasher, 'verify' | 'waste'>;
  signer: AccessTokenSigner;
  throttle: ThrottleStore;
  limits: LoginLimits;
  refreshTokenTtlSeconds: number;
  now?: () => Date;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** A session plus the refresh token the route puts in an httpOnly cookie. */
export interface IssuedSession extends Session {
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * A refresh token presented again within this many seconds of its rotation is most likely a second
 * tab racing the first, not a thief: it is refused without ending the session.
 */
const rotationGraceSeconds = 10;

export function createAuthService(deps: AuthServiceDeps) {
  const { users, sessions, passwords, signer, throttle, limits } = deps;
  const now = deps.now ?? (() => new Date());

  function tooMany(retryAfter: number): AppError {
    return new AppError('RATE_LIMITED', 'Too many failed login attempts. Wait before trying again.', {
      retryAfter: Math.max(1, retryAfter),
    });
  }

  async function issue(
    user: User,
    sessionId: string,
    refreshToken: string,
    refreshExpiresAt: Date,
  ): Promise<IssuedSession> {
    const accessToken = await signer.sign({ sub: user.id, sid: sessionId });
    return { accessToken, expiresIn: signer.ttlSeconds, user, refreshToken, refreshExpiresAt };
  }

  function refreshExpiry(): Date {
    return new Date(now().getTime() + deps.refreshTokenTtlSeconds * 1000);
  }

  return {
    /**
     * Checks the password and opens a session. Failures count per account and per IP address;
     * past either limit the answer is 429 with Retry-After, even for the right password, so that
     * guessing cannot continue at full speed. Unknown emails take as long as wrong passwords.
     */
    async login(body: Required<LoginBody>, client: ClientInfo): Promise<IssuedSession> {
      const accountKey = `login:account:${body.email}`;
      const ipKey = `login:ip:${client.ip}`;
      const [account, ip] = await Promise.all([throttle.peek(accountKey), throttle.peek(ipKey)]);
      if (account.count >= limits.maxPerAccount) throw tooMany(account.resetSeconds);
      if (ip.count >= limits.maxPerIp) throw tooMany(ip.resetSeconds);

      const credentials = await users.findCredentialsByEmail(body.email);
      let valid = false;
      if (credentials) valid = await passwords.verify(body.password, credentials.passwordHash);
      else await passwords.waste(body.password);
      if (!credentials || !valid) {
        await Promise.all([
          throttle.hit(accountKey, limits.windowSeconds),
          throttle.hit(ipKey, limits.windowSeconds),
        ]);
        throw new AppError('INVALID_CREDENTIALS', 'Email or password is not correct.');
      }
      if (!credentials.active)
        throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask an administrator.');
      await throttle.reset(accountKey);

      const refreshToken = randomSecret();
      const refreshExpiresAt = refreshExpiry();
      const sessionId = await sessions.insert({
        userId: credentials.id,
        tokenHash: sha256(refreshToken),
        expiresAt: refreshExpiresAt,
        userAgent: client.userAgent?.slice(0, 300),
        ip: client.ip,
      });
      await users.touchLastLogin(credentials.id);
      const user = await users.findById(credentials.id);
      if (!user) throw new AppError('INVALID_CREDENTIALS', 'Email or password is not correct.');
      return issue(user, sessionId, refreshToken, refreshExpiresAt);
    },

    /**
     * Trades a refresh token for a new access token and a new refresh token (rotation). A token
     * that was already rotated away, presented after the grace period, means it was copied:
     * the whole session is revoked.
     */
    async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
      const invalid = () => new AppError('INVALID_REFRESH_TOKEN', 'The session has ended. Log in again.');
      if (!refreshToken) throw invalid();
      const hash = sha256(refreshToken);
      const session = await sessions.findByTokenHash(hash);
      if (!session) {
        const replayed = await sessions.findByPreviousTokenHash(hash);
        if (replayed && !replayed.revokedAt) {
          const secondsSinceRotation = (now().getTime() - replayed.lastUsedAt.getTime()) / 1000;
          if (secondsSinceRotation > rotationGraceSeconds) await sessions.revoke(replayed.id);
        }
        throw invalid();
      }
      if (session.revokedAt || session.expiresAt <= now() || !session.userActive) throw invalid();
      const nextToken = randomSecret();
      const refreshExpiresAt = refreshExpiry();
      if (!(await sessions.rotate(session.id, hash, sha256(nextToken), refreshExpiresAt))) throw invalid();
      const user = await users.findById(session.userId);
      if (!user) throw invalid();
      return issue(user, session.id, nextToken, refreshExpiresAt);
    },

    async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
      if (refreshToken) {
        const session = await sessions.findByTokenHash(sha256(refreshToken));
        if (session) await sessions.revoke(session.id);
      }
      if (sessionId) await sessions.revoke(sessionId);
    },

    async me(userId: string): Promise<User> {
      const user = await users.findById(userId);
      if (!user) throw new AppError('INVALID_TOKEN', 'This session has ended. Log in again.');
      return user;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
