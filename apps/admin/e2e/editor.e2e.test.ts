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
 * Roles: an administrator creates an editor assigned to one site through the Users screen; the
 * editor then sees that site only, and neither the other site nor the users screen is reachable.
 */
let server: E2eServer;
let siteA: { id: string; name: string };
let siteB: { id: string; name: string };

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  const api = await apiAs(server, server.admin);
  siteA = await api.sites.create({
    name: 'Atelier Alpha',
    slug: 'atelier-alpha',
    domain: 'alpha.example.ch',
  });
  siteB = await api.sites.create({
    name: 'Boulangerie Beta',
    slug: 'boulangerie-beta',
    domain: 'beta.example.ch',
  });
});
afterAll(async () => {
  await server?.close();
});

async function navLinks(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').allTextContents();
}

describe.runIf(e2eEnabled)('editor permissions in Chromium', () => {
  it('an admin creates an editor assigned to one site', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('link', { name: 'Nouvel utilisateur' }).click();
    await shown(page.getByRole('heading', { name: 'Nouvel utilisateur' }));
    await page.getByLabel('Nom').fill('Éva Éditrice');
    await page.getByLabel('E-mail').fill('eva@example.ch');
    await page.getByLabel('Mot de passe').fill('court');
    // Leaving the field validates it (the error appears and the layout moves) before the next click.
    await page.getByLabel('Mot de passe').blur();
    await shown(page.getByText('Le mot de passe doit compter au moins 10 caractères.'));
    await page.getByLabel('Atelier Alpha').click();
    await expect.poll(() => page.getByLabel('Atelier Alpha').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    await shown(page.getByText('Le mot de passe doit compter au moins 10 caractères.'));
    await page.getByLabel('Mot de passe').fill('un-mot-de-passe-sûr');
    await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
    await shown(page.getByText('Utilisateur « Éva Éditrice » créé.'));
    await page.waitForURL(/\/admin\/users$/);
    await shown(page.getByRole('link', { name: 'Éva Éditrice' }));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the editor sees only her site; the other site and the users screen are unreachable', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, { email: 'eva@example.ch' }, 'un-mot-de-passe-sûr');
    await page.waitForURL(new RegExp(`/sites/${siteA.id}/dashboard$`));
    const options = await page.getByLabel('Site', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Atelier Alpha']);
    expect(await navLinks(page)).not.toContain('Utilisateurs');

    await page.goto(`/admin/sites/${siteB.id}/dashboard`);
    await shown(page.getByText('Ce site n’existe pas ou ne vous est pas accessible.'));
    expect(await page.getByText('Boulangerie Beta').count()).toBe(0);

    await page.goto('/admin/users');
    await shown(page.getByText('Réservé aux administrateurs.'));
    expect(await page.locator('table').count()).toBe(0);

    // Editors may not move a site: its address fields are read-only for them.
    await page.goto(`/admin/sites/${siteA.id}/settings`);
    expect(await page.getByLabel('Domaine').isDisabled()).toBe(true);
    await context.close();
  });
});
