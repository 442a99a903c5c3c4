import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  type E2eServer,
  e2eEnabled,
  login,
  newContext,
  shown,
  startE2e,
  watchErrors,
} from './harness';

/**
 * Page texts: an editor writes the blocks the public site's pages read (hero title, legal notice,
 * main button), sees them on the public site, resets one to its default, meets a concurrent edit,
 * and adds a block of their own.
 */
let server: E2eServer;
let siteId: string;
let page: Page;
let errors: string[];

const slug = 'club-nautique';

async function publicPage(path: string) {
  const response = await page.request.get(`/preview/${slug}${path}`);
  return { status: response.status(), html: await response.text() };
}

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  const api = await apiAs(server, server.admin);
  siteId = (await api.sites.create({ name: 'Club Nautique', slug, domain: 'club.example.ch' })).id;
  const context = await newContext(server);
  page = await context.newPage();
  errors = watchErrors(page);
  await login(page, server.admin.user, server.admin.password);
  await page.waitForURL(/\/dashboard$/);
});
afterAll(async () => {
  await server?.close();
});

describe.runIf(e2eEnabled)('page texts in Chromium', () => {
  it('writes the home title and the public home page shows it', async () => {
    await page.getByRole('link', { name: 'Textes des pages' }).click();
    await page.waitForURL(/\/texts$/);
    const blocks = page.getByRole('navigation', { name: 'Blocs de texte' });
    // Nothing written yet: every theme block shows its default.
    await expect.poll(() => blocks.getByText('par défaut').count()).toBe(11);
    expect((await publicPage('/')).html).toContain('Club Nautique</h1>');

    await blocks.getByRole('button', { name: /Titre principal/ }).click();
    // The page it shows on, under the preview path (the home page without a trailing slash).
    expect(await page.getByRole('link', { name: /Voir la page « Accueil »/ }).getAttribute('href')).toBe(
      `/preview/${slug}`,
    );
    expect(await page.getByRole('link', { name: /Voir le site/ }).getAttribute('href')).toBe(
      `/preview/${slug}`,
    );
    await page.getByLabel('Texte', { exact: true }).fill('Apprendre la voile sur le Léman');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    await expect.poll(() => blocks.getByText('par défaut').count()).toBe(10);
    await expect
      .poll(async () => (await publicPage('/')).html)
      .toContain('Apprendre la voile sur le Léman</h1>');
  });

  it('writes the legal notice in the rich-text editor: the page appears on the site', async () => {
    expect((await publicPage('/mentions-legales')).status).toBe(404);
    await page
      .getByRole('navigation', { name: 'Blocs de texte' })
      .getByRole('button', { name: /Mentions légales/ })
      .click();
    await page.waitForURL(/key=legal\.body/);
    expect(
      await page.getByRole('link', { name: /Voir la page « Mentions légales »/ }).getAttribute('href'),
    ).toBe(`/preview/${slug}/mentions-legales`);
    await page.getByRole('textbox', { name: 'Texte' }).fill('Club Nautique, association, Morges.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    const legal = await publicPage('/mentions-legales');
    expect(legal.status).toBe(200);
    expect(legal.html).toContain('Club Nautique, association, Morges.');
  });

  it('checks a link with the API’s rules and saves the main button', async () => {
    await page.goto(`/admin/sites/${siteId}/texts?key=home.hero.cta`);
    await page.getByLabel('Libellé').fill('Nous écrire');
    await page.getByLabel('Adresse').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Indiquez une adresse http(s), un chemin comme /contact, mailto: ou tel:.'));
    const api = await apiAs(server, server.admin);
    expect((await api.contents.list(siteId, { prefix: 'home.hero.cta' })).data).toEqual([]);

    await page.getByLabel('Adresse').fill('/contact');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    expect((await api.contents.get(siteId, 'home.hero.cta')).data).toEqual({
      label: 'Nous écrire',
      url: '/contact',
    });
    await expect.poll(async () => (await publicPage('/')).html).toContain('Nous écrire');
  });

  it('keeps the user’s text when someone else saved the block first (409)', async () => {
    await page.goto(`/admin/sites/${siteId}/texts?key=home.hero.title`);
    const field = page.getByLabel('Texte', { exact: true });
    await expect.poll(() => field.inputValue()).toBe('Apprendre la voile sur le Léman');
    const api = await apiAs(server, server.admin);
    const current = await api.contents.get(siteId, 'home.hero.title');
    await api.contents.put(siteId, 'home.hero.title', {
      type: 'text',
      data: { text: 'Titre d’un collègue' },
      version: current.version,
    });

    await field.fill('Voile et kayak sur le Léman');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Quelqu’un d’autre a modifié cet élément entre-temps'));
    await expect.poll(() => field.inputValue()).toBe('Voile et kayak sur le Léman');
    await page.getByRole('button', { name: 'Enregistrer mes modifications' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    expect((await api.contents.get(siteId, 'home.hero.title')).data).toEqual({
      text: 'Voile et kayak sur le Léman',
    });
  });

  it('resets a block to its default after confirmation', async () => {
    await page.getByRole('button', { name: 'Revenir au texte par défaut' }).click();
    const dialog = page.getByRole('dialog');
    await shown(dialog.getByText('Supprimer « Titre principal » ?'));
    await dialog.getByRole('button', { name: 'Revenir au texte par défaut' }).click();
    await shown(page.getByText('« Titre principal » supprimé : le site affiche sa valeur par défaut.'));
    await expect.poll(() => page.getByLabel('Texte', { exact: true }).inputValue()).toBe('');
    await expect.poll(async () => (await publicPage('/')).html).toContain('Club Nautique</h1>');
  });

  it('adds a block of its own, a list, in English', async () => {
    await page.goto('/admin/profile');
    await page.getByText('English', { exact: true }).click();
    await shown(page.getByRole('heading', { name: 'My profile' }));
    await page.goto(`/admin/sites/${siteId}/texts`);
    await page.getByRole('button', { name: 'Add a block' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Key').fill('Home Banner');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await shown(dialog.getByText('Use lower-case words joined by dots, e.g. "home.hero".'));
    await dialog.getByLabel('Key').fill('home.banner');
    await dialog.getByLabel('Type').selectOption('list');
    await dialog.getByRole('button', { name: 'Continue' }).click();

    await shown(page.getByRole('heading', { name: 'Other blocks' }));
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('textbox', { name: 'Items, entry 1' }).fill('Inscriptions ouvertes');
    await page.getByRole('button', { name: 'Add an item' }).click();
    await page.getByRole('textbox', { name: 'Items, entry 2' }).fill('Nouveau : kayak');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await shown(page.getByText('Changes saved.'));
    await shown(page.getByRole('button', { name: 'home.banner', exact: true }));
    const api = await apiAs(server, server.admin);
    const block = await api.contents.get(siteId, 'home.banner');
    expect(block.type).toBe('list');
    expect(block.data).toEqual({ items: ['Inscriptions ouvertes', 'Nouveau : kayak'] });

    await page.reload();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Items, entry 2' }).inputValue())
      .toBe('Nouveau : kayak');
    expect(errors).toEqual([]);
  });
});
