import { createHash, randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from './errors';

const issuer = 'swigs-cms';
const audience = 'swigs-api';

export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session id: revoking the session invalidates the token before it expires. */
  sid: string;
}

export interface AccessTokenSigner {
  sign(claims: AccessClaims): Promise<string>;
  verify(token: string): Promise<AccessClaims>;
  ttlSeconds: number;
}

export function createAccessTokenSigner(secret: string, ttlSeconds: number): AccessTokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSeconds,
    async sign(claims) {
      return new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
          throw new AppError('INVALID_TOKEN', 'The access token is malformed.');
        }
        return { sub: payload.sub, sid: payload.sid };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof joseErrors.JWTExpired)
          throw new AppError('INVALID_TOKEN', 'The access token has expired.');
        throw new AppError('INVALID_TOKEN', 'The access token is not valid.');
      }
    },
  };
}

/** A random, URL-safe secret with 256 bits of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets (refresh tokens, API tokens, reset tokens) are stored as their SHA-256 only. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
