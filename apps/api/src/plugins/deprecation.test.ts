import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deprecations } from './deprecation';
import { openapi, openapiDocumentOf } from './openapi';

async function appWithOldAndNew() {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(deprecations);
  await app.register(openapi, { version: '1.0.0', serverUrl: 'http://127.0.0.1' });
  const response = { 200: z.object({ ok: z.boolean() }) };
  app.get(
    '/api/v1/courses',
    {
      config: {
        deprecation: {
          since: '2026-06-01T00:00:00Z',
          sunset: '2027-01-01',
          successor: '/api/v2/courses',
          info: 'https://docs.swigs.online/migrate-v2',
        },
      },
      schema: { response },
    },
    async () => ({ ok: true }),
  );
  app.get('/api/v2/courses', { schema: { response } }, async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('deprecation headers', () => {
  it('announce Deprecation, Sunset and Link on a deprecated route, and nothing on others', async () => {
    const app = await appWithOldAndNew();
    const old = await app.inject({ url: '/api/v1/courses' });
    expect(old.statusCode).toBe(200);
    expect(old.headers.deprecation).toBe(`@${Date.UTC(2026, 5, 1) / 1000}`);
    expect(old.headers.sunset).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    expect(old.headers.link).toBe(
      '</api/v2/courses>; rel="successor-version", <https://docs.swigs.online/migrate-v2>; rel="deprecation"; type="text/html"',
    );
    const current = await app.inject({ url: '/api/v2/courses' });
    expect(current.headers.deprecation).toBeUndefined();
    expect(current.headers.sunset).toBeUndefined();
    await app.close();
  });

  it('mark the operation deprecated in its version’s OpenAPI document, which holds only that version', async () => {
    const app = await appWithOldAndNew();
    const v1 = openapiDocumentOf(app, 'v1');
    expect(Object.keys(v1.paths)).toEqual(['/api/v1/courses']);
    expect(v1.paths['/api/v1/courses']).toMatchObject({ get: { deprecated: true } });
    const v2 = openapiDocumentOf(app, 'v2');
    expect(Object.keys(v2.paths)).toEqual(['/api/v2/courses']);
    expect(JSON.stringify(v2.paths)).not.toContain('deprecated');
    await app.close();
  });

  it('refuses a route whose dates do not parse, at start-up', async () => {
    const app = Fastify();
    await app.register(deprecations);
    expect(() => app.get('/old', { config: { deprecation: { since: 'soon' } } }, async () => 'x')).toThrow(
      /deprecation.since is not a date/,
    );
  });
});
