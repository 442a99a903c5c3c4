import type { Contact } from '@swigs/schema';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../../api/test/factories';
import { chromiumPath, launchChromium, listen } from './browser';
import { createTestSite, type Embedded, startEmbedded, type TestSite } from './embedded';

/**
 * A visitor writes through a site's contact form, with and without JavaScript, and the message
 * lands in the site's inbox (not among suspected spam): the form carries the API's signed token
 * and honeypot, and the visitor takes longer than the minimum fill time.
 */
describe.skipIf(!chromiumPath)('contact form in a browser', () => {
  let e: Embedded;
  let browser: Browser;
  let origin: string;
  let site: TestSite;

  beforeAll(async () => {
    e = await startEmbedded({ env: { CONTACT_MIN_FILL_SECONDS: '1' } });
    const host = `contact-${uniqueSuffix()}.localhost`;
    site = await createTestSite(e, {
      site: { name: 'Atelier Contact', domain: host, contact: { email: 'info@atelier.example' } },
    });
    origin = `http://${host}:${await listen(e)}`;
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });

  async function inbox(): Promise<Contact[]> {
    const response = await e.t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.site.id}/contacts`,
      headers: e.admin.headers,
    });
    expect(response.statusCode).toBe(200);
    return (JSON.parse(response.body) as { data: Contact[] }).data;
  }

  async function fill(page: Page, values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) await page.fill(`[name="${name}"]`, value);
    // A person takes a moment: the API files faster messages as suspected spam.
    await page.waitForTimeout(1200);
  }

  it('without JavaScript: plain form post, errors with the text kept, then a confirmation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/contact`);
      const message = `Bonjour, est-ce ouvert le samedi ? ${uniqueSuffix()}`;
      // An address the browser accepts but the site does not: the server answers with the form.
      await fill(page, { name: 'Léa Sans Script', email: 'lea@localhost', message });
      await page.click('button[type=submit]');
      expect(await page.locator('#contact-email-error').textContent()).toContain('adresse e-mail valide');
      expect(await page.inputValue('#contact-name')).toBe('Léa Sans Script');
      expect(await page.inputValue('#contact-message')).toBe(message);

      await page.fill('#contact-email', 'lea@example.ch');
      await page.click('button[type=submit]');
      await page.waitForURL(`${origin}/contact?sent=1`);
      expect(await page.locator('[role=status] h2').textContent()).toBe(
        'Merci, votre message est bien arrivé',
      );

      const received = (await inbox()).find((contact) => contact.message === message);
      expect(received).toMatchObject({ name: 'Léa Sans Script', email: 'lea@example.ch', spam: false });
    } finally {
      await context.close();
    }
  });

  it('with JavaScript: inline errors, sent with fetch, confirmation without leaving the page', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
      });
      await page.goto(`${origin}/contact`);
      // Hydrated: the form validates itself (no native bubbles) once React has taken over.
      await expect.poll(() => page.locator('form').getAttribute('novalidate')).not.toBeNull();
      await page.click('button[type=submit]');
      expect(await page.locator('#contact-name-error').textContent()).toBe('Ce champ est obligatoire.');
      expect(posts).toEqual([]);

      const message = `Avez-vous des cours du soir ? ${uniqueSuffix()}`;
      await fill(page, {
        name: 'Marc Avec Script',
        email: 'marc@example.ch',
        phone: '+41 79 555 00 11',
        message,
      });
      await page.click('button[type=submit]');
      await expect
        .poll(() => page.locator('[role=status] h2').textContent())
        .toBe('Merci, votre message est bien arrivé');
      expect(page.url()).toBe(`${origin}/contact`);
      expect(posts).toEqual([`/api/v1/public/sites/${site.site.slug}/contact`]);

      const received = (await inbox()).find((contact) => contact.message === message);
      expect(received).toMatchObject({ name: 'Marc Avec Script', phone: '+41 79 555 00 11', spam: false });
    } finally {
      await context.close();
    }
  });
});
