import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../api/test/factories';
import {
  apiAs,
  type E2eServer,
  e2eEnabled,
  login,
  newContext,
  screenshot,
  shown,
  startE2e,
  watchErrors,
} from './harness';

/**
 * Preferences (English, light mode) and the screenshots of the main screens in dark and light,
 * written to docs/screenshots/ on every run.
 */
let server: E2eServer;
let siteId: string;
let courseId: string;

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  const api = await apiAs(server, server.admin);
  const site = await api.sites.create({
    name: 'École de voile du Léman',
    slug: 'voile-leman',
    domain: 'voile-leman.ch',
    description: 'Cours de voile pour enfants et adultes à Morges.',
  });
  siteId = site.id;
  await api.sites.create({
    name: 'Boulangerie du Bourg',
    slug: 'boulangerie-bourg',
    domain: 'boulangerie-bourg.ch',
  });
  const courses = [
    {
      title: 'Voile débutants',
      number: 'V-101',
      startDate: '2026-06-01',
      endDate: '2026-06-05',
      price: 690,
      places: 8,
    },
    {
      title: 'Perfectionnement régate',
      number: 'V-201',
      startDate: '2026-06-15',
      endDate: '2026-06-19',
      price: 1250.5,
      places: 0,
      status: 'full' as const,
    },
    {
      title: 'Stage enfants 8–12 ans',
      number: 'E-12',
      startDate: '2026-07-06',
      endDate: '2026-07-10',
      price: 480,
      places: 12,
    },
    {
      title: 'Croisière Léman',
      number: 'C-01',
      startDate: '2026-08-22',
      endDate: '2026-08-23',
      price: 320,
      places: 4,
      status: 'cancelled' as const,
    },
  ];
  for (const course of courses) {
    const created = await api.courses.create(siteId, {
      ...course,
      location: 'Port de Morges',
      description: '<p>Apprenez les bases de la navigation à voile sur le <strong>Léman</strong>.</p>',
    });
    courseId ??= created.id;
  }
  const home = (await api.seo.list(siteId, { kind: 'default' })).data.find(
    (record) => record.page === 'home',
  )!;
  await api.seo.update(siteId, home.id, {
    metaTitle: 'École de voile du Léman — cours à Morges',
    metaDescription: 'Cours de voile pour enfants et adultes, du débutant à la régate, au port de Morges.',
    version: home.version,
  });
  for (const [name, colour, alt] of [
    ['voilier.png', '#1d4ed8', 'Un voilier sur le Léman'],
    ['port-de-morges.png', '#0f766e', 'Le port de Morges'],
    ['regate.png', '#b45309', 'Départ de régate'],
  ] as const) {
    const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
      .png()
      .toBuffer();
    await api.media.upload(siteId, new Blob([new Uint8Array(image)], { type: 'image/png' }), {
      filename: name,
      alt,
    });
  }
  await createContact(server.t.database, siteId, {
    name: 'Marie Dupont',
    email: 'marie@example.ch',
    subject: 'Inscription au stage enfants',
    message: 'Bonjour, ma fille a 9 ans : reste-t-il de la place en juillet ?',
  });
  await createContact(server.t.database, siteId, {
    name: 'Luc Martin',
    email: 'luc@example.ch',
    subject: 'Tarif de groupe',
    message: 'Proposez-vous un tarif pour un groupe de six personnes ?',
    read: true,
  });
  await api.users.create({
    email: 'eva@example.ch',
    password: 'un-mot-de-passe-sûr',
    name: 'Éva Éditrice',
    siteIds: [siteId],
  });
});
afterAll(async () => {
  await server?.close();
});

describe.runIf(e2eEnabled)('preferences and screenshots in Chromium', () => {
  it('switches to English and to light mode, and remembers both', async () => {
    const context = await newContext(server, { theme: 'dark' });
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.getByRole('link', { name: /Mon profil/ }).click();
    await page.getByText('English', { exact: true }).click();
    await shown(page.getByRole('heading', { name: 'My profile' }));
    await page.getByText('Light', { exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await shown(page.getByRole('heading', { name: 'My profile' }));
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    await page.goto(`/admin/sites/${siteId}/courses`);
    await shown(page.getByRole('heading', { name: 'Contents' }));
    await shown(page.locator('tbody').getByText('Full', { exact: true }));
    await context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`takes screenshots of the main screens (${theme})`, async () => {
      const context = await newContext(server, { theme });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto('/admin/login');
      await shown(page.getByRole('heading', { name: 'Connexion' }));
      await screenshot(page, `login-${theme}`);
      await login(page, server.admin.user, server.admin.password);
      await page.waitForURL(/\/dashboard$/);
      const screens: Array<[string, string, string]> = [
        ['dashboard', `/admin/sites/${siteId}/dashboard`, 'Dernières modifications'],
        ['courses', `/admin/sites/${siteId}/courses`, 'Voile débutants'],
        ['course-form', `/admin/sites/${siteId}/courses/${courseId}`, 'Port de Morges'],
        ['texts', `/admin/sites/${siteId}/texts`, 'Titre principal'],
        ['seo', `/admin/sites/${siteId}/seo`, 'Aperçu dans Google'],
        ['media', `/admin/sites/${siteId}/media`, 'voilier.png'],
        ['contacts', `/admin/sites/${siteId}/contacts`, 'Marie Dupont'],
        ['settings', `/admin/sites/${siteId}/settings`, 'Coordonnées'],
        ['users', '/admin/users', 'Éva Éditrice'],
        ['system', '/admin/system', 'Sauvegardes'],
        ['profile', '/admin/profile', 'Préférences'],
      ];
      for (const [name, url, marker] of screens) {
        await page.goto(url);
        if (name === 'course-form') await shown(page.getByRole('toolbar', { name: 'Mise en forme' }));
        else await shown(page.getByText(marker, { exact: true }));
        await screenshot(page, `${name}-${theme}`);
        // A screen that crashed into the error boundary must not pass for a screenshot.
        expect(await page.getByText('Un problème est survenu sur cet écran.').count(), name).toBe(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('fits a phone', async () => {
    const context = await newContext(server, { theme: 'light', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/courses`);
    await shown(page.getByText('Voile débutants', { exact: true }));
    // Nothing wider than the screen but the table, which scrolls inside its frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'courses-phone-light');
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await shown(page.getByRole('link', { name: 'Paramètres' }));
    await screenshot(page, 'menu-phone-light');
    await context.close();
  });
});
