import { type ApiTokenScope, apiTokenPrefix, type Role } from '@swigs/schema';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import { type AccessTokenSigner, sha256 } from '../lib/tokens';

/**
 * Who may call a route. Every route under /api declares one; registering a route without it
 * fails at start-up, so a new route cannot forget its guard.
 * - `public`: anyone.
 * - `user`: `protect` — a valid access token of an active user with a live session.
 * - `admin`: `protect` then `requireAdmin`.
 * On top of that, and without being asked: a route whose path has `:siteId` gets `checkSiteAccess`,
 * and a route under `/users/:userId` gets `canModifyUser`.
 *
 * API tokens (`Authorization: Bearer swigs_…`) pass `protect` too, as a `token` principal, but
 * only on `user` routes under `/sites/:siteId` of their own site (unless the route says
 * `config.tokens: false`), and a read-only token only with GET and HEAD. Admin routes, users,
 * the list of sites and token management are for people.
 */
export type Access = 'public' | 'user' | 'admin';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  sessionId: string;
  role: Role;
  /** Sites the user is assigned to (meaningful for editors; admins reach every site). */
  siteIds: string[];
  /** Display name, for the audit trail. */
  name: string;
}

/** A per-site API token: reaches its own site only, and with `read` only GET/HEAD. */
export interface TokenPrincipal {
  kind: 'token';
  tokenId: string;
  siteId: string;
  scope: ApiTokenScope;
  /** The token's name, for the audit trail. */
  name: string;
}

export type Principal = UserPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** `false` refuses API tokens on a site route that would otherwise accept them. */
    tokens?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthPluginOptions {
  signer: AccessTokenSigner;
  /** Loads the principal of a live session, or undefined when the session or user is no longer valid. */
  findSessionPrincipal(sessionId: string, userId: string): Promise<UserPrincipal | undefined>;
  /** Loads the principal of a live (not revoked, not expired) API token by the SHA-256 of its secret. */
  findTokenPrincipal(tokenHash: string): Promise<TokenPrincipal | undefined>;
  /** Route prefixes registered by third-party plugins (API docs) that are public by nature. */
  exemptPrefixes?: string[];
}

/** The authenticated principal of a request behind `protect`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  return request.principal;
}

/** The principal of a route API tokens cannot reach (their guard refused them already). */
export function userPrincipalOf(request: FastifyRequest): UserPrincipal {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw new AppError('TOKEN_NOT_ALLOWED', 'API tokens cannot do this.');
  return principal;
}

export function isAdmin(principal: Principal | null): boolean {
  return principal?.kind === 'user' && principal.role === 'admin';
}

/** The role rules apply with: an API token acts like an editor of its site. */
export function roleOf(principal: Principal): Role {
  return principal.kind === 'user' ? principal.role : 'editor';
}

const readMethods = new Set(['GET', 'HEAD']);

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

async function authPlugin(app: FastifyInstance, options: AuthPluginOptions) {
  app.decorateRequest('principal', null);

  const protect: onRequestHookHandler = async (request) => {
    const token = bearerToken(request);
    if (!token) throw new AppError('UNAUTHENTICATED', 'Send an access token: Authorization: Bearer <token>.');
    if (token.startsWith(apiTokenPrefix)) {
      const principal = await options.findTokenPrincipal(sha256(token));
      if (!principal) throw new AppError('INVALID_TOKEN', 'This API token is unknown, revoked or expired.');
      request.principal = principal;
      return;
    }
    const claims = await options.signer.verify(token);
    const principal = await options.findSessionPrincipal(claims.sid, claims.sub);
    if (!principal) throw new AppError('INVALID_TOKEN', 'This session has ended. Log in again.');
    request.principal = principal;
  };

  const requireAdmin: onRequestHookHandler = async (request) => {
    if (!isAdmin(request.principal)) throw new AppError('ADMIN_REQUIRED', 'Only administrators may do this.');
  };

  /** Where API tokens may go; added to every protected route, decided from the route's declaration. */
  const tokenGuard =
    (allowsTokens: boolean): onRequestHookHandler =>
    async (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'token') return;
      if (!allowsTokens) throw new AppError('TOKEN_NOT_ALLOWED', 'API tokens cannot use this route.');
      if (principal.scope === 'read' && !readMethods.has(request.method)) {
        throw new AppError('TOKEN_READ_ONLY', 'This API token is read-only.');
      }
    };

  const checkSiteAccess: onRequestHookHandler = async (request) => {
    const principal = principalOf(request);
    const { siteId } = request.params as { siteId?: string };
    if (isAdmin(principal)) return;
    if (principal.kind === 'token') {
      if (principal.siteId !== siteId) {
        throw new AppError('SITE_ACCESS_DENIED', 'This API token belongs to another site.');
      }
      return;
    }
    if (!siteId || !principal.siteIds.includes(siteId)) {
      throw new AppError('SITE_ACCESS_DENIED', 'You are not assigned to this site.');
    }
  };

  const canModifyUser: onRequestHookHandler = async (request) => {
    const principal = principalOf(request);
    const { userId } = request.params as { userId?: string };
    if (isAdmin(principal) || (principal.kind === 'user' && principal.userId === userId)) return;
    throw new AppError('ADMIN_REQUIRED', 'Only administrators may see or change other users.');
  };

  const exempt = options.exemptPrefixes ?? [];

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || exempt.some((prefix) => route.url.startsWith(prefix))) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(
        `Route ${route.method} ${route.url} declares no access (config.access: public | user | admin).`,
      );
    }
    if (access === 'public') return;
    const isSiteRoute = route.url.includes(':siteId');
    const allowsTokens = access === 'user' && isSiteRoute && route.config?.tokens !== false;
    const guards: onRequestHookHandler[] = [protect, tokenGuard(allowsTokens)];
    if (access === 'admin') guards.push(requireAdmin);
    if (isSiteRoute) guards.push(checkSiteAccess);
    if (/\/users\/:userId/.test(route.url)) guards.push(canModifyUser);
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...guards, ...existing] as typeof route.onRequest;
  });
}

export const auth = fp(authPlugin, { name: 'auth' });
