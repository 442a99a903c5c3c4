import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  courseTitles,
  type E2eServer,
  e2eEnabled,
  login,
  newContext,
  shown,
  startE2e,
  watchErrors,
} from './harness';

/**
 * An administrator's day, in order: log in, create a site, create, edit and reorder its courses
 * (by mouse and by keyboard, the order surviving a reload), edit SEO and watch the previews.
 */
let server: E2eServer;
let context: BrowserContext;
let page: Page;
let errors: string[];
let siteUrl: string;

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  context = await newContext(server);
  page = await context.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe.runIf(e2eEnabled)('administrator in Chromium', () => {
  it('refuses a wrong password, then logs in', async () => {
    await login(page, server.admin.user, 'not-the-password');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('E-mail ou mot de passe incorrect');
    await login(page, server.admin.user, server.admin.password);
    // An admin without any site lands on the new-site form.
    await page.waitForURL(/\/admin\/sites\/new$/);
  });

  it('creates a site, showing field errors inline first', async () => {
    await page.getByLabel('Nom').fill('École du Lac');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Identifiant (slug)', exact: true }).inputValue())
      .toBe('ecole-du-lac');
    await page.getByRole('textbox', { name: 'Domaine', exact: true }).fill('pas un domaine');
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await shown(page.getByText('Saisissez un nom d’hôte comme « example.ch », sans http:// ni chemin.'));
    await page.getByRole('textbox', { name: 'Domaine', exact: true }).fill('ecole-du-lac.ch');
    await page.getByRole('button', { name: 'Créer le site' }).click();
    await page.waitForURL(/\/admin\/sites\/[0-9a-f-]+\/settings$/);
    siteUrl = page.url().replace(/\/settings$/, '');
    await expect
      .poll(() => page.getByLabel('Site', { exact: true }).inputValue())
      .toBe(siteUrl.split('/').at(-1)!);
    await shown(page.getByRole('heading', { name: 'Paramètres' }));
  });

  it('creates and edits courses', async () => {
    for (const [title, price] of [
      ['Voile débutants', '1250'],
      ['Planche à voile', "1'480.50"],
      ['Kayak de mer', ''],
    ] as const) {
      await page.goto(`${siteUrl}/courses/new`);
      await page.getByLabel('Titre').fill(title);
      await page.getByLabel('Début').fill('2026-06-01');
      await page.getByLabel('Fin').fill('2026-06-05');
      if (price) await page.getByLabel('Prix').fill(price);
      await page.getByRole('textbox', { name: 'Description' }).fill(`Un cours de ${title.toLowerCase()}.`);
      await page.getByRole('button', { name: 'Créer le contenu' }).click();
      await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
      await shown(page.getByText(`Contenu « ${title} » créé.`));
    }

    // Edit the last one: a date rule broken shows inline; then a valid edit saves.
    await page.getByLabel('Fin').fill('2026-05-01');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('La fin ne peut pas précéder le début.'));
    await page.getByLabel('Fin').fill('2026-06-07');
    await page.getByLabel('Places disponibles').fill('12');
    await page.getByLabel('Statut').selectOption('full');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));

    await page.goto(`${siteUrl}/courses`);
    await expect
      .poll(() => courseTitles(page))
      .toEqual(['Voile débutants', 'Planche à voile', 'Kayak de mer']);
    const row = page.locator('tr', { hasText: 'Planche à voile' });
    // fr-CH as the browser formats it (the same ICU data as Node's).
    const chf = new Intl.NumberFormat('fr-CH', { style: 'currency', currency: 'CHF' }).format(1480.5);
    await expect.poll(() => row.textContent()).toContain(chf);
    await expect.poll(() => row.textContent()).toContain('01.06.2026 – 05.06.2026');
    await expect
      .poll(() => page.locator('tr', { hasText: 'Kayak de mer' }).textContent())
      .toContain('Complet');
  });

  it('reorders courses by mouse and by keyboard, and the order survives a reload', async () => {
    const handle = page.getByRole('button', { name: 'Déplacer « Kayak de mer »' });
    const target = page.getByRole('button', { name: 'Déplacer « Voile débutants »' });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 10 });
    await page.mouse.up();
    await shown(page.getByText('Nouvel ordre enregistré.'));
    await expect
      .poll(() => courseTitles(page))
      .toEqual(['Kayak de mer', 'Voile débutants', 'Planche à voile']);

    // Keyboard: focus a handle, Space to lift, ArrowDown to move, Space to drop.
    await page.getByRole('button', { name: 'Déplacer « Voile débutants »' }).focus();
    // dnd-kit measures the rows between key presses: give it a frame or two.
    for (const key of ['Space', 'ArrowDown', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(200);
    }
    await expect
      .poll(() => courseTitles(page))
      .toEqual(['Kayak de mer', 'Planche à voile', 'Voile débutants']);
    await page.waitForLoadState('networkidle');

    await page.reload();
    await expect
      .poll(() => courseTitles(page))
      .toEqual(['Kayak de mer', 'Planche à voile', 'Voile débutants']);
  });

  it('filters and searches courses; reordering is off while filtered', async () => {
    await page.getByLabel('Statut').selectOption('full');
    await expect.poll(() => courseTitles(page)).toEqual(['Kayak de mer']);
    await shown(page.getByText('Effacez la recherche et le filtre pour changer l’ordre.'));
    await expect.poll(() => page.getByRole('button', { name: /^Déplacer/ }).count()).toBe(0);
    await page.getByLabel('Statut').selectOption('');
    await page.getByLabel('Rechercher un contenu').fill('planche');
    await expect.poll(() => courseTitles(page)).toEqual(['Planche à voile']);
  });

  it('tells the user when someone else saved the same course first (409)', async () => {
    await page.goto(`${siteUrl}/courses`);
    await page.getByRole('link', { name: 'Voile débutants' }).first().click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    const courseId = page.url().split('/').at(-1)!;
    const api = await apiAs(server, server.admin);
    const siteId = siteUrl.split('/').at(-1)!;
    const current = await api.courses.get(siteId, courseId);
    await api.courses.update(siteId, courseId, { location: 'Ailleurs', version: current.version });

    await page.getByLabel('Lieu').fill('Port de Morges');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Quelqu’un d’autre a modifié cet élément entre-temps'));
    // The user's typing is still there; saving over the newer version is one click.
    await expect.poll(() => page.getByLabel('Lieu').inputValue()).toBe('Port de Morges');
    await page.getByRole('button', { name: 'Enregistrer mes modifications' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    expect((await api.courses.get(siteId, courseId)).location).toBe('Port de Morges');
  });

  it('deletes a course after confirmation', async () => {
    await page.goto(`${siteUrl}/courses`);
    await page.getByRole('button', { name: 'Supprimer « Planche à voile »' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await shown(page.getByText('Contenu « Planche à voile » supprimé.'));
    await expect.poll(() => courseTitles(page)).toEqual(['Kayak de mer', 'Voile débutants']);
  });

  it('edits SEO with counters and live Google and social previews', async () => {
    await page.goto(`${siteUrl}/seo`);
    await shown(page.getByRole('heading', { name: 'Moteurs de recherche — Accueil' }));
    await page.getByLabel('Titre', { exact: true }).fill('École du Lac — cours de voile à Morges');
    await page
      .getByLabel('Description', { exact: true })
      .fill('Cours de voile pour tous les âges, au bord du Léman.');
    await expect
      .poll(() => page.getByTestId('google-title').textContent())
      .toBe('École du Lac — cours de voile à Morges');
    await expect
      .poll(() => page.getByTestId('google-description').textContent())
      .toBe('Cours de voile pour tous les âges, au bord du Léman.');
    await expect
      .poll(() => page.getByTestId('social-title').textContent())
      .toBe('École du Lac — cours de voile à Morges');
    await shown(page.getByText('38 / 60'));
    await page.getByLabel('Titre de partage (Open Graph)').fill('Naviguez avec nous');
    await expect.poll(() => page.getByTestId('social-title').textContent()).toBe('Naviguez avec nous');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Titre', { exact: true }).inputValue())
      .toBe('École du Lac — cours de voile à Morges');
  });

  it('shows the figures on the dashboard', async () => {
    await page.goto(`${siteUrl}/dashboard`);
    await shown(page.getByRole('heading', { name: 'École du Lac' }));
    await shown(page.getByText('Dernières modifications'));
    expect(errors).toEqual([]);
  });
});
