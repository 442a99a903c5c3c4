import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import type { DatabaseHandle } from '../src/db/client';
import { createContact, type LoggedIn, uniqueSuffix } from './factories';
import { multipart } from './multipart';

/**
 * A site using every feature, written through the API as editors would: settings (logo, contact,
 * social links, theme, notification emails, acknowledgement, aliases), media (a raster image with
 * its WebP variants, an SVG, a PDF), courses in a custom order with images and rich text pointing at
 * uploads, every type of content block, SEO records (a default page, a custom path, a course
 * override) with images, and inbox messages (read, unread, spam).
 */
export interface SiteWithEverything {
  siteId: string;
  slug: string;
  domain: string;
  aliases: string[];
  photo: { id: string; url: string };
  logo: { id: string; url: string };
  pdf: { id: string; url: string };
  courseIds: string[];
}

type Inject = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => Promise<unknown>;

function apiOf(app: FastifyInstance, admin: LoggedIn): Inject {
  return async (method, url, payload) => {
    const response = await app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, payload });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.statusCode === 204 ? undefined : (JSON.parse(response.body) as { data: unknown }).data;
  };
}

async function upload(app: FastifyInstance, admin: LoggedIn, siteId: string, file: Buffer, filename: string) {
  const body = multipart([
    { name: 'alt', data: `Texte alternatif de ${filename}` },
    { name: 'title', data: `Titre ${filename}` },
    { name: 'file', data: file, filename },
  ]);
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/media`,
    headers: { ...admin.headers, ...body.headers },
    payload: body.payload,
  });
  if (response.statusCode !== 201) throw new Error(`upload ${filename}: ${response.body}`);
  return JSON.parse(response.body).data as { id: string; url: string; variants: { url: string }[] };
}

export async function createSiteWithEverything(
  app: FastifyInstance,
  database: DatabaseHandle,
  admin: LoggedIn,
): Promise<SiteWithEverything> {
  const api = apiOf(app, admin);
  const suffix = uniqueSuffix();
  const domain = `ecole-${suffix}.example.ch`;
  const aliases = [`www.ecole-${suffix}.example.ch`];
  const site = (await api('POST', '/sites', {
    name: 'École du Lac — « été »',
    slug: `ecole-${suffix}`,
    domain,
    aliases,
    description: 'Cours de voile sur le Léman.',
    locale: 'fr-CH',
    timeZone: 'Europe/Zurich',
    contact: {
      email: 'info@ecole-du-lac.ch',
      phone: '+41 21 555 12 34',
      address: 'Quai du Lac 1\n1006 Lausanne',
    },
    social: { facebook: 'https://facebook.com/ecoledulac', instagram: 'https://instagram.com/ecoledulac' },
    theme: { primaryColor: '#0e7490', secondaryColor: '#1e293b' },
    notificationEmails: ['accueil@ecole-du-lac.ch', 'direction@ecole-du-lac.ch'],
    contactAcknowledgement: true,
  })) as { id: string; slug: string; version: number };

  const photoBytes = await sharp({
    create: { width: 1400, height: 900, channels: 3, background: { r: 14, g: 116, b: 144 } },
  })
    .png()
    .toBuffer();
  const photo = await upload(app, admin, site.id, photoBytes, 'voilier.png');
  const logo = await upload(
    app,
    admin,
    site.id,
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0e7490"/><text x="8" y="26" fill="#fff">Lac</text></svg>',
    ),
    'logo.svg',
  );
  const pdf = await upload(
    app,
    admin,
    site.id,
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    'programme.pdf',
  );
  await api('PATCH', `/sites/${site.id}`, { logoId: logo.id, version: site.version });

  const courseIds: string[] = [];
  const courses = [
    {
      title: 'Permis voile',
      number: 'V-01',
      description: `<p>Dix leçons.</p><p><img src="${photo.variants[1]!.url}" alt="Voilier"></p><p><a href="${pdf.url}">Programme</a></p>`,
      startDate: '2030-05-04',
      endDate: '2030-05-06',
      registrationDeadline: '2030-04-20',
      price: 1250.5,
      places: 4,
      location: 'Port de Pully',
      externalUrl: 'https://inscriptions.example.com/voile',
      imageId: photo.id,
    },
    { title: 'Croisière au coucher du soleil', status: 'full', price: 90, currency: 'EUR' },
    { title: 'Régate interne', status: 'cancelled', price: 0, places: 0 },
    { title: 'Stage terminé', status: 'finished' },
  ];
  for (const body of courses)
    courseIds.push(((await api('POST', `/sites/${site.id}/courses`, body)) as { id: string }).id);
  // A custom order: the last created first.
  await api('POST', `/sites/${site.id}/courses/reorder`, {
    ids: [courseIds[3], courseIds[0], courseIds[2], courseIds[1]],
  });
  // Former addresses: the regatta moved to a new slug (its old one redirects), and a course that
  // was deleted (its address answers 410).
  const regatta = (await api('GET', `/sites/${site.id}/courses/${courseIds[2]}`)) as { version: number };
  await api('PATCH', `/sites/${site.id}/courses/${courseIds[2]}`, {
    slug: 'regate-du-club',
    version: regatta.version,
  });
  const dropped = (await api('POST', `/sites/${site.id}/courses`, { title: 'Stage annulé' })) as {
    id: string;
  };
  await api('DELETE', `/sites/${site.id}/courses/${dropped.id}`);

  const contents: Record<string, object> = {
    'home.hero.title': { type: 'text', data: { text: 'Apprenez la voile sur le Léman' } },
    'about.body': {
      type: 'richtext',
      data: {
        html: `<h2>Depuis 1998</h2><p>Nos <strong>moniteurs</strong>.</p><img src="${photo.url}" alt="Le lac">`,
      },
    },
    'home.hero.image': { type: 'image', data: { mediaId: photo.id, alt: 'Un voilier au large' } },
    'home.hero.cta': { type: 'link', data: { label: 'Le programme', url: pdf.url } },
    'footer.links': { type: 'list', data: { items: ['Plan d’accès', 'Tarifs'] } },
    'settings.hours': {
      type: 'json',
      data: { value: { lundi: '9–18', brochure: pdf.url, days: [1, 2, 3] } },
    },
  };
  for (const [key, body] of Object.entries(contents))
    await api('PUT', `/sites/${site.id}/contents/${key}`, body);

  const records = (await api('GET', `/sites/${site.id}/seo?pageSize=50`)) as {
    id: string;
    page: string;
    version: number;
  }[];
  const home = records.find((record) => record.page === 'home')!;
  await api('PATCH', `/sites/${site.id}/seo/${home.id}`, {
    metaTitle: 'École du Lac – Cours de voile',
    metaDescription: 'Cours de voile pour tous.',
    keywords: ['voile', 'Lausanne'],
    ogImageId: photo.id,
    twitterCard: 'summary',
    version: home.version,
  });
  await api('POST', `/sites/${site.id}/seo`, { page: '/tarifs', metaTitle: 'Tarifs', noindex: true });
  await api('POST', `/sites/${site.id}/seo`, {
    page: `course:${courseIds[0]}`,
    metaTitle: 'Permis voile en dix leçons',
    twitterImageId: logo.id,
    canonicalUrl: `https://${domain}/formations/permis-voile`,
  });

  await createContact(database, site.id, { name: 'Ada', message: 'Bonjour, une question sur le permis.' });
  await createContact(database, site.id, { name: 'Grace', read: true });
  await createContact(database, site.id, {
    name: 'Robot',
    spam: true,
    spamSignals: ['honeypot', 'many_links'],
  });

  return {
    siteId: site.id,
    slug: site.slug,
    domain,
    aliases,
    photo: { id: photo.id, url: photo.url },
    logo: { id: logo.id, url: logo.url },
    pdf: { id: pdf.id, url: pdf.url },
    courseIds,
  };
}
