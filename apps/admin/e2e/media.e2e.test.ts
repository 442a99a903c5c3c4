import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../../api/test/factories';
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
 * Media and contacts: upload images (file picker and drag and drop) with progress, describe one,
 * use it as a course image, be warned when deleting it while in use; read, delete, bulk-mark and
 * export contact messages with the unread count in the navigation.
 */
let server: E2eServer;
let siteId: string;
let courseId: string;

async function png(width: number, height: number, colour: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

beforeAll(async () => {
  if (!e2eEnabled) return;
  server = await startE2e();
  const api = await apiAs(server, server.admin);
  const site = await api.sites.create({
    name: 'Atelier Photo',
    slug: 'atelier-photo',
    domain: 'photo.example.ch',
  });
  siteId = site.id;
  courseId = (await api.courses.create(siteId, { title: 'Photo de nuit' })).id;
  await createContact(server.t.database, siteId, {
    name: 'Marie Dupont',
    email: 'marie@example.ch',
    subject: 'Inscription au cours',
    message: 'Bonjour, reste-t-il des places pour le cours de nuit ?',
  });
  await createContact(server.t.database, siteId, {
    name: 'Luc Martin',
    email: 'luc@example.ch',
    subject: 'Question sur les tarifs',
    message: 'Proposez-vous un tarif étudiant ?',
  });
});
afterAll(async () => {
  await server?.close();
});

describe.runIf(e2eEnabled)('media and contacts in Chromium', () => {
  it('uploads images with the file picker and by drag and drop, then describes one', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/media`);
    await shown(page.getByText('La médiathèque est vide.'));

    await page
      .locator('input[type=file]')
      .setInputFiles([{ name: 'lac.png', mimeType: 'image/png', buffer: await png(1200, 630, '#1d4ed8') }]);
    await shown(page.getByText('Ajouté'));
    await shown(page.getByRole('button', { name: 'lac.png' }));

    // Drag and drop: a real drop event carrying a file.
    const buffer = await png(800, 800, '#16a34a');
    const transfer = await page.evaluateHandle(
      (bytes) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'foret.png', { type: 'image/png' }));
        return data;
      },
      [...buffer],
    );
    await page
      .getByRole('region', { name: 'Zone de dépôt de fichiers' })
      .dispatchEvent('drop', { dataTransfer: transfer });
    await shown(page.getByRole('button', { name: 'foret.png' }));
    // Finished uploads make room for new ones; the last one's bar is full.
    await expect.poll(() => page.locator('progress').last().getAttribute('value')).toBe('1');

    await page.getByRole('button', { name: 'lac.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'lac.png' });
    await shown(dialog);
    await dialog.getByLabel('Texte alternatif').fill('Le lac Léman au crépuscule');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    expect(await dialog.getByLabel('Adresse du fichier').inputValue()).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/uploads\//,
    );
    await page.keyboard.press('Escape');

    // The list view shows the same files with their details.
    await page.getByRole('button', { name: 'Liste' }).click();
    await shown(page.getByRole('cell', { name: '1200 × 630' }));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uses an uploaded image in a course, and warns before deleting it while in use', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/courses/${courseId}`);
    await page.getByRole('button', { name: 'Choisir une image' }).click();
    await page.getByRole('button', { name: 'Choisir lac.png' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await shown(page.getByText('Modifications enregistrées.'));
    await page.reload();
    await shown(page.getByRole('img', { name: 'Le lac Léman au crépuscule' }));
    const api = await apiAs(server, server.admin);
    const course = await api.courses.get(siteId, courseId);
    expect(course.image?.alt).toBe('Le lac Léman au crépuscule');

    await page.goto(`/admin/sites/${siteId}/media`);
    await page.getByRole('button', { name: 'lac.png' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await shown(page.getByText('Ce fichier est utilisé à 1 endroit : il y disparaîtra.'));
    await shown(page.getByText('Contenu — Photo de nuit'));
    await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).first().click();
    expect((await api.media.list(siteId)).meta.total).toBe(2);
    await context.close();
  });

  it('reads and deletes a contact message, with the unread count in the navigation', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    const badge = page.getByTestId('unread-badge');
    await expect.poll(() => badge.textContent()).toContain('2');

    await page.getByRole('link', { name: /Contacts/ }).click();
    await page.getByRole('link', { name: 'Marie Dupont' }).click();
    await shown(page.getByText('Bonjour, reste-t-il des places pour le cours de nuit ?'));
    await expect.poll(() => badge.textContent()).toContain('1');

    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await shown(page.getByText('Message supprimé.'));
    await page.waitForURL(/\/contacts$/);
    await expect.poll(() => page.getByRole('link', { name: 'Marie Dupont' }).count()).toBe(0);
    await shown(page.getByRole('link', { name: 'Luc Martin' }));
    await context.close();
  });

  it('marks messages read in bulk, searches, and exports CSV', async () => {
    const context = await newContext(server);
    const page = await context.newPage();
    await login(page, server.admin.user, server.admin.password);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`/admin/sites/${siteId}/contacts`);
    await page.getByLabel('Tout sélectionner').check();
    await page
      .getByRole('toolbar', { name: 'Actions groupées' })
      .getByRole('button', { name: 'Marquer comme lu' })
      .click();
    await shown(page.getByText('1 message modifié.'));
    await expect.poll(() => page.getByTestId('unread-badge').count()).toBe(0);

    await page.getByLabel('Rechercher un message').fill('tarif');
    await shown(page.getByRole('link', { name: 'Luc Martin' }));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Luc Martin');
    expect(download.suggestedFilename()).toMatch(/^atelier-photo-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    await context.close();
  });
});
