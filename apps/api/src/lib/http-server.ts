import http, { type RequestListener, type Server } from 'node:http';

/** The options of Fastify's own HTTP/1 server, after its defaults were applied. */
export interface HttpServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

/**
 * The HTTP/1 server Fastify would have made (its lib/server.js: same timeouts and per-socket
 * limit), for a `serverFactory` that puts a listener of ours in front of Fastify's.
 */
export function createHttpServer(options: HttpServerOptions, listener: RequestListener): Server {
  const server = http.createServer(options.http ?? {}, listener);
  server.keepAliveTimeout = options.keepAliveTimeout;
  server.requestTimeout = options.requestTimeout;
  server.setTimeout(options.connectionTimeout);
  if (options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}
