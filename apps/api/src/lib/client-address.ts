import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { TrustProxy } from '../config';

/**
 * The client's address as Fastify's `request.ip` gives it under the same `trustProxy` setting (the
 * last address the trusted proxies vouch for, or the socket's peer), for code that runs before
 * Fastify sees the request: the public fast path counts rate limits per client address.
 */
export function createClientAddress(
  trustProxy: TrustProxy,
): (request: IncomingMessage) => string | undefined {
  if (trustProxy === false) return (request) => request.socket.remoteAddress;
  const trust =
    typeof trustProxy === 'function'
      ? trustProxy
      : trustProxy === true
        ? () => true
        : proxyAddr.compile(trustProxy.split(',').map((value) => value.trim()));
  return (request) => {
    const addresses = proxyAddr.all(request, trust);
    return addresses[addresses.length - 1];
  };
}
