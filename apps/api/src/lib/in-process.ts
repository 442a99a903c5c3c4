import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Header that marks a request made by this very process to itself (`app.inject`). */
export const inProcessHeader = 'x-swigs-in-process';

/**
 * Proof that a request was made by this process through `app.inject` (the public-site renderer
 * reading the public API), not by a client: a random value made at start that never leaves the
 * process. Such requests are not counted by the global per-address rate limit — the page request
 * that caused them was, as the visitor — while the tiers (the contact form) still count them per
 * visitor address, which they carry.
 */
export interface InProcessMark {
  /** The header to send on an in-process request. */
  headers: Readonly<Record<string, string>>;
  isInProcess(headers: IncomingHttpHeaders): boolean;
}

export function createInProcessMark(): InProcessMark {
  const token = Buffer.from(randomBytes(24).toString('base64url'));
  return {
    headers: { [inProcessHeader]: token.toString() },
    isInProcess(headers) {
      const sent = headers[inProcessHeader];
      if (typeof sent !== 'string') return false;
      const bytes = Buffer.from(sent);
      return bytes.length === token.length && timingSafeEqual(bytes, token);
    },
  };
}
