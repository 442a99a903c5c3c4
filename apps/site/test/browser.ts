import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { optionalService } from '../../api/test/services';
import type { Embedded } from './embedded';

/** Chromium for the browser tests: CHROMIUM_PATH (CI sets it); the tests skip without it locally. */
export const chromiumPath = optionalService('Chromium', process.env.CHROMIUM_PATH, 'CHROMIUM_PATH');

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Makes the embedded server listen on a free loopback port. Sites whose domain ends in
 * `.localhost` are then reachable by name from Chromium, which resolves `*.localhost` to this
 * machine: pages are chosen by Host header, as in production.
 */
export async function listen(embedded: Embedded): Promise<number> {
  await embedded.t.app.listen({ host: '127.0.0.1', port: 0 });
  return (embedded.t.app.server.address() as AddressInfo).port;
}
