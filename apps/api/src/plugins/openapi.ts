import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const docsPrefix = '/api/v1/docs';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests and shape
 * responses, so it cannot drift from what the server does. Served at /api/v1/openapi.json with a
 * browsable page at /api/v1/docs (fully offline, compatible with the default CSP).
 */
async function openapiPlugin(app: FastifyInstance, options: { version: string; serverUrl: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SWIGS CMS API',
        version: options.version,
        description:
          'Multi-site CMS API. Success bodies are `{ data }` (lists add `meta`); errors are RFC 9457 problem+json with a stable `code`. `/api/...` is an alias of the latest version.',
      },
      servers: [{ url: options.serverUrl }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: docsPrefix });
}

export const openapi = fp(openapiPlugin, { name: 'openapi' });

interface OpenApiDocument {
  info: Record<string, unknown>;
  servers?: unknown[];
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The OpenAPI document of one API version: the operations under `/api/<version>/` only, so that
 * v1's document keeps describing v1 when a v2 is registered beside it.
 */
export function openapiDocumentOf(app: FastifyInstance, apiVersion: string): OpenApiDocument {
  const whole = app.swagger() as unknown as OpenApiDocument;
  const prefix = `/api/${apiVersion}/`;
  const paths = Object.fromEntries(
    Object.entries(whole.paths ?? {}).filter(([route]) => route.startsWith(prefix)),
  );
  return { ...whole, info: { ...whole.info, title: `SWIGS CMS API ${apiVersion}` }, paths };
}

/**
 * The version's document as committed in `apps/api/openapi/<version>.json`: without what changes
 * from one installation or release to the next (server URL, app version), so that only a change of
 * the contract changes the file.
 */
export function openapiSnapshotOf(app: FastifyInstance, apiVersion: string): OpenApiDocument {
  const { servers: _servers, ...document } = openapiDocumentOf(app, apiVersion);
  return { ...document, info: { ...document.info, version: apiVersion } };
}
