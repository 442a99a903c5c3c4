import type { FastifyInstance, onSendHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';

/**
 * How a route of a stable version announces its end. Declared on the route:
 * `config: { deprecation: { since: '2026-06-01', sunset: '2027-01-01', successor: '/api/v2/sites' } }`.
 * Clients then receive on every answer:
 * - `Deprecation: @1780272000` (RFC 9745: the date it became deprecated, as a Unix time),
 * - `Sunset: Fri, 01 Jan 2027 00:00:00 GMT` (RFC 8594: when it stops answering),
 * - `Link: <…>; rel="successor-version"` and/or `<…>; rel="deprecation"` (a page explaining the move),
 * and the OpenAPI document marks the operation `deprecated: true`.
 */
export interface Deprecation {
  /** ISO date (or date-time) from which the route is deprecated. */
  since: string;
  /** ISO date after which it may be removed. */
  sunset?: string;
  /** Where the replacement lives (path or URL). */
  successor?: string;
  /** A human-readable page about the deprecation. */
  info?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecation?: Deprecation;
  }
}

function parseDate(value: string, route: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new Error(`Route ${route}: deprecation.${field} is not a date: ${value}`);
  return date;
}

/** The response headers announcing a deprecation. */
export function deprecationHeaders(deprecation: Deprecation, route = ''): Record<string, string> {
  const headers: Record<string, string> = {
    deprecation: `@${Math.floor(parseDate(deprecation.since, route, 'since').getTime() / 1000)}`,
  };
  if (deprecation.sunset) headers.sunset = parseDate(deprecation.sunset, route, 'sunset').toUTCString();
  const links = [
    deprecation.successor ? `<${deprecation.successor}>; rel="successor-version"` : undefined,
    deprecation.info ? `<${deprecation.info}>; rel="deprecation"; type="text/html"` : undefined,
  ].filter(Boolean);
  if (links.length > 0) headers.link = links.join(', ');
  return headers;
}

async function deprecationPlugin(app: FastifyInstance) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const deprecation = route.config?.deprecation;
    if (!deprecation) return;
    // Computed once, when the route is registered: a bad date fails at start-up, not per request.
    const headers = deprecationHeaders(deprecation, route.url);
    const announce: onSendHookHandler = async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(headers)) {
        // A route may answer with its own Link header; ours is added to it.
        const existing = reply.getHeader(name);
        reply.header(name, name === 'link' && existing ? `${existing}, ${value}` : value);
      }
      return payload;
    };
    route.onSend = [...(route.onSend ? [route.onSend].flat() : []), announce] as typeof route.onSend;
    route.schema = { ...route.schema, deprecated: true } as typeof route.schema;
  });
}

export const deprecations = fp(deprecationPlugin, { name: 'deprecations' });
