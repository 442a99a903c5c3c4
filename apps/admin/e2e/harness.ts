import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { createClient } from '../../../packages/sdk/src';
import { buildTestApp, type TestApp } from '../../api/test/build-test-app';
import { createUser, type TestUser } from '../../api/test/factories';
import { optionalService, servicesRequired } from '../../api/test/services';

/**
 * End-to-end harness: the real API (`buildApp` on a test database) listening on 127.0.0.1:0 and
 * serving the built admin, driven by Debian's headless Chromium through playwright-core.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');
export const adminDist = path.join(repoRoot, 'apps', 'admin', 'dist');
export const screenshotsDir = path.join(repoRoot, 'docs', 'screenshots');

const chromiumPath = optionalService(
  'Chromium',
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  'CHROMIUM_PATH',
);

function adminBuilt(): boolean {
  if (existsSync(path.join(adminDist, 'index.html'))) return true;
  if (servicesRequired) throw new Error('The admin is not built: run `npm run build` before the E2E tests.');
  console.warn('[skipped] admin E2E tests: build the admin first (npm run build -w @swigs/admin).');
  return false;
}

/** False when these tests cannot run here (no Chromium or no build) and were skipped with a message. */
export const e2eEnabled = Boolean(chromiumPath) && adminBuilt();

export interface E2eServer {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  admin: TestUser;
  close(): Promise<void>;
}

/** `env`: more configuration for the test app (e.g. an SMTP server that refuses connections). */
export async function startE2e(options: { env?: Record<string, string> } = {}): Promise<E2eServer> {
  const t = await buildTestApp({ env: { ADMIN_DIST_DIR: adminDist, ...options.env } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Native date pickers follow the browser's language: show them as a Swiss user sees them.
      '--lang=fr-CH',
    ],
  });
  const admin = await createUser(t.database, { role: 'admin', name: 'Alice Admin' });
  return {
    t,
    baseUrl,
    browser,
    admin,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A fresh browser profile (no cookies, no storage), French and Swiss like our users. */
export async function newContext(
  server: E2eServer,
  options: { theme?: 'dark' | 'light'; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await server.browser.newContext({
    baseURL: server.baseUrl,
    locale: 'fr-CH',
    timezoneId: 'Europe/Zurich',
    viewport: options.viewport ?? { width: 1280, height: 860 },
    colorScheme: options.theme ?? 'light',
  });
  context.setDefaultTimeout(10_000);
  if (options.theme) {
    await context.addInitScript((theme) => {
      if (!sessionStorage.getItem('e2e-theme-set')) {
        localStorage.setItem('swigs.theme', theme);
        sessionStorage.setItem('e2e-theme-set', '1');
      }
    }, options.theme);
  }
  return context;
}

/** Fails the test on any error the page logs or throws: a screen that "works" with errors does not. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[0-9]/.test(message.text())) errors.push(message.text());
  });
  return errors;
}

export async function login(page: Page, user: { email: string }, password: string) {
  await page.goto('/admin/login');
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Saves a full-page screenshot of a main screen into docs/screenshots/. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: false });
}

/** A logged-in SDK client over HTTP, to prepare data the way any API client would. */
export async function apiAs(server: E2eServer, user: TestUser) {
  let token: string | undefined;
  const api = createClient({ baseUrl: server.baseUrl, getAccessToken: () => token });
  token = (await api.auth.login({ email: user.user.email, password: user.password })).accessToken;
  return api;
}

/** The titles of the course table, top to bottom. */
export async function courseTitles(page: Page): Promise<string[]> {
  return page.locator('tbody tr td:nth-child(2) a').allTextContents();
}

/** Waits until the element is visible (Playwright's auto-waiting, without @playwright/test). */
export async function shown(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}
