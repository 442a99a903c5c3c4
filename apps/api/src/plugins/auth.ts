import type { Role } from '@swigs/schema';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import type { AccessTokenSigner } from '../lib/tokens';

/**
 * Who may call a route. Every route under /api declares one; registering a route without it
 * fails at start-up, so a new route cannot forget its guard.
 * - `public`: anyone.
 * - `user`: `protect` — a valid access token of an active user with a live session.
 * - `admin`: `protect` then `requireAdmin`.
 * On top of that, and without being asked: a route whose path has `:siteId` gets `checkSiteAccess`,
 * and a route under `/users/:userId` gets `canModifyUser`.
 */
export type Access = 'public' | 'user' | 'admin';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  sessionId: string;
  role: Role;
  /** Sites the user is assigned to (meaningful for editors; admins reach every site). */
  siteIds: string[];
}

export type Principal = UserPrincipal;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthPluginOptions {
  signer: AccessTokenSigner;
  /** Loads the principal of a live session, or undefined when the session or user is no longer valid. */
  findSessionPrincipal(sessionId: string, userId: string): Promise<UserPrincipal | undefined>;
  /** Route prefixes registered by third-party plugins (API docs) that are public by nature. */
  exemptPrefixes?: string[];
}

/** The authenticated principal of a request behind `protect`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
  return request.principal;
}

export function isAdmin(principal: Principal | null): boolean {
  return principal?.kind === 'user' && principal.role === 'admin';
}

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
    const claims = await options.signer.verify(token);
    const principal = await options.findSessionPrincipal(claims.sid, claims.sub);
    if (!principal) throw new AppError('INVALID_TOKEN', 'This session has ended. Log in again.');
    request.principal = principal;
  };

  const requireAdmin: onRequestHookHandler = async (request) => {
    if (!isAdmin(request.principal)) throw new AppError('ADMIN_REQUIRED', 'Only administrators may do this.');
  };

  const checkSiteAccess: onRequestHookHandler = async (request) => {
    const principal = principalOf(request);
    const { siteId } = request.params as { siteId?: string };
    if (isAdmin(principal)) return;
    if (!siteId || !principal.siteIds.includes(siteId)) {
      throw new AppError('SITE_ACCESS_DENIED', 'You are not assigned to this site.');
    }
  };

  const canModifyUser: onRequestHookHandler = async (request) => {
    const principal = principalOf(request);
    const { userId } = request.params as { userId?: string };
    if (isAdmin(principal) || principal.userId === userId) return;
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
    const guards: onRequestHookHandler[] = [protect];
    if (access === 'admin') guards.push(requireAdmin);
    if (route.url.includes(':siteId')) guards.push(checkSiteAccess);
    if (/\/users\/:userId/.test(route.url)) guards.push(canModifyUser);
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [...guards, ...existing] as typeof route.onRequest;
  });
}

export const auth = fp(authPlugin, { name: 'auth' });
