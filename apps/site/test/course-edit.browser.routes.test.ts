import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../../api/test/factories';
import { chromiumPath, launchChromium, listen } from './browser';
import { createTestSite, type Embedded, startEmbedded, type TestSite } from './embedded';

/** A visitor's browser on a site served by host name: an edit made through the API shows at once. */
describe.skipIf(!chromiumPath)('in a browser', () => {
  let e: Embedded;
  let browser: Browser;
  let origin: string;
  let site: TestSite;

  beforeAll(async () => {
    e = await startEmbedded();
    const host = `voile-${uniqueSuffix()}.localhost`;
    site = await createTestSite(e, {
      site: { name: 'École de voile', domain: host },
      courses: [
        {
          title: 'Initiation à la voile',
          description: '<p>Trois jours sur le lac.</p>',
          price: 450,
          places: 5,
        },
      ],
    });
    origin = `http://${host}:${await listen(e)}`;
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await e?.close();
  });

  it.each([true, false])(
    'shows a course edited through the API on the next page load (JavaScript %s)',
    async (javaScriptEnabled) => {
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        const course = site.courses[0]!;
        const current = await e.api.courses.get(site.site.id, course.id);
        await page.goto(`${origin}/formations/${course.slug}`);
        expect(await page.locator('h1').textContent()).toBe(current.title);
        expect(await page.locator('.panel .facts').textContent()).toContain(
          `${current.places} places disponibles`,
        );

        const title = `Initiation à la voile (${javaScriptEnabled ? 'printemps' : 'automne'})`;
        const places = javaScriptEnabled ? 2 : 3;
        await e.api.courses.update(site.site.id, course.id, { title, places, version: current.version });

        await page.reload();
        expect(await page.locator('h1').textContent()).toBe(title);
        expect(await page.locator('.panel .facts').textContent()).toContain(`${places} places disponibles`);
        expect(await page.title()).toBe(`${title} – École de voile`);
        await page.goto(`${origin}/formations`);
        expect(await page.locator('.card h2').first().textContent()).toBe(title);
      } finally {
        await context.close();
      }
    },
  );
});
