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
