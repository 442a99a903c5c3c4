import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServerOptions } from './http-server';

const settingsOf = (server: import('node:http').Server) => ({
  keepAliveTimeout: server.keepAliveTimeout,
  requestTimeout: server.requestTimeout,
  timeout: server.timeout,
  maxRequestsPerSocket: server.maxRequestsPerSocket,
  headersTimeout: server.headersTimeout,
});

describe('createHttpServer', () => {
  it.each([
    {},
    { keepAliveTimeout: 5000, requestTimeout: 30_000, connectionTimeout: 60_000, maxRequestsPerSocket: 100 },
  ])('makes the server Fastify would make with %o', async (options) => {
    const own = Fastify(options);
    const ours = Fastify({
      ...options,
      serverFactory: (handler, processed) =>
        createHttpServer(processed as unknown as HttpServerOptions, (request, response) =>
          handler(request, response),
        ),
    });
    own.get('/', async () => 'ok');
    ours.get('/', async () => 'ok');
    expect(settingsOf(ours.server)).toEqual(settingsOf(own.server));
    await ours.listen({ host: '127.0.0.1', port: 0 });
    const port = (ours.server.address() as import('node:net').AddressInfo).port;
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    await own.close();
    await ours.close();
  });
});
