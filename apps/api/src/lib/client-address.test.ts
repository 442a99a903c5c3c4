import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createClientAddress } from './client-address';

const forwarded = [
  undefined,
  '203.0.113.9',
  '198.51.100.1, 203.0.113.9',
  '198.51.100.1, 10.0.0.5, 10.0.0.6',
  'not-an-address',
];

describe('createClientAddress', () => {
  // TRUST_PROXY as operators write it, parsed by the configuration like at start.
  it.each(['false', 'true', '1', '2', '10.0.0.0/8', '127.0.0.1, 10.0.0.0/8', 'loopback'])(
    'gives what Fastify’s request.ip gives with TRUST_PROXY=%s',
    async (setting) => {
      const trustProxy = loadConfig({ SWIGS_ENV: 'test', TRUST_PROXY: setting }).http.trustProxy;
      const clientAddress = createClientAddress(trustProxy);
      const app = Fastify({ trustProxy });
      app.get('/', async (request) => ({ fastify: request.ip, ours: clientAddress(request.raw) }));
      for (const remoteAddress of ['127.0.0.1', '10.0.0.7', '203.0.113.50']) {
        for (const header of forwarded) {
          const response = await app.inject({
            url: '/',
            remoteAddress,
            headers: header ? { 'x-forwarded-for': header } : {},
          });
          const { fastify, ours } = response.json();
          expect(ours, `${remoteAddress} via ${header}`).toBe(fastify);
        }
      }
      await app.close();
    },
  );
});
