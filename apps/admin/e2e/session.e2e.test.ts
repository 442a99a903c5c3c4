import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2eServer, e2eEnabled, login, newContext, shown, startE2e } from './harness';

/**
 * Sessions: the access token lives in memory, the refresh cookie restores it on reload, and a
 * session that ends while someone types loses nothing — they log in again and the save goes through.
 */
let server: E2eServer;
let siteId: string;

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  const api = await apiAs(server, server.admin);
  siteId = (
    await api.sites.create({ name: 'Session Site', slug: 'session-site', domain: 'session.example.ch' })
  ).id;
});
afterAll(async () => {
  await server?.close();
});

describe.runIf(e2eEnabled)('session in Chromium', () => {
  it('survives a reload through the refresh cookie, without storing the token', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.reload();
    await shown(page.getByRole('heading', { name: 'Session Site' }));
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ/); // no JWT in web storage
    await context.close();
  });

  it('keeps what the user typed when the session ends, and saves it after logging in again', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/settings`);
    await page.getByLabel('Description').fill('Un texte long, tapé pendant que la session expire.');

    // Elsewhere, the password changes: every session of this user ends at once.
    const api = await apiAs(server, server.admin);
    const newPassword = 'un-nouveau-mot-de-passe';
    await api.users.update(server.admin.user.id, {
      currentPassword: server.admin.password,
      password: newPassword,
    });
    server.admin.password = newPassword;

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Session expirée' });
    await shown(dialog);
    await dialog.getByLabel('Mot de passe').fill(newPassword);
    await dialog.getByRole('button', { name: 'Se reconnecter' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    expect(await page.getByLabel('Description').inputValue()).toBe(
      'Un texte long, tapé pendant que la session expire.',
    );
    const again = await apiAs(server, server.admin);
    expect((await again.sites.get(siteId)).description).toBe(
      'Un texte long, tapé pendant que la session expire.',
    );
    await context.close();
  });

  it('asks before leaving a form with unsaved changes', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/settings`);
    await page.getByLabel('Téléphone').fill('+41 21 000 00 00');
    await page.getByRole('link', { name: /Mon profil/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Quitter sans enregistrer ?' });
    await shown(dialog);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    expect(page.url()).toMatch(/\/settings$/);
    expect(await page.getByLabel('Téléphone').inputValue()).toBe('+41 21 000 00 00');
    await page.getByRole('link', { name: /Mon profil/ }).click();
    await page
      .getByRole('dialog', { name: 'Quitter sans enregistrer ?' })
      .getByRole('button', { name: 'Quitter sans enregistrer' })
      .click();
    await page.waitForURL(/\/profile$/);
    await context.close();
  });
});
