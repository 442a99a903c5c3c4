import { randomBytes } from 'node:crypto';
import type { Contact, Media, Role, Site, User } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../src/db/client';
import { createPasswordHasher } from '../src/lib/passwords';
import { createAuditRepository } from '../src/modules/audit/audit.repository';
import { createSessionsRepository } from '../src/modules/auth/sessions.repository';
import { createContactsRepository, type NewContact } from '../src/modules/contacts/contacts.repository';
import { createMediaRepository } from '../src/modules/media/media.repository';
import type { SiteChanges } from '../src/modules/public/site-changes';
import { createSeoRepository } from '../src/modules/seo/seo.repository';
import { createSitesRepository } from '../src/modules/sites/sites.repository';
import { createSitesService } from '../src/modules/sites/sites.service';
import { createUsersRepository } from '../src/modules/users/users.repository';
import { createUsersService } from '../src/modules/users/users.service';

/**
 * Factories create fresh records with unique names for each test, through the real services, so
 * tests never share or wipe data and need no particular order.
 */

const passwords = createPasswordHasher(4);

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Factories write straight to the database, outside any app: a new site has no cached public
 * answer to invalidate, so publishing is a no-op here (the content version still moves).
 */
function factoryChanges(database: DatabaseHandle): SiteChanges {
  const sites = createSitesRepository(database.db);
  return {
    async touch(executor, siteId) {
      await sites.bumpContentVersion(executor, siteId);
      return { siteId, keys: [] };
    },
    async published() {},
  };
}

export async function createSite(
  database: DatabaseHandle,
  overrides: Partial<{ name: string; slug: string; domain: string; aliases: string[] }> = {},
): Promise<Site> {
  const suffix = uniqueSuffix();
  const seo = createSeoRepository(database.db);
  const service = createSitesService({
    sites: createSitesRepository(database.db),
    insertDefaultSeo: (executor, siteId) => seo.insertDefaultPages(executor, siteId),
    audit: createAuditRepository(database.db),
    changes: factoryChanges(database),
    transact: database.transact,
  });
  return service.createSite({
    name: overrides.name ?? `Site ${suffix}`,
    slug: overrides.slug ?? `site-${suffix}`,
    domain: overrides.domain ?? `site-${suffix}.example.ch`,
    aliases: overrides.aliases ?? [],
    description: '',
    locale: 'fr-CH',
    timeZone: 'Europe/Zurich',
  });
}

export interface TestUser {
  user: User;
  password: string;
}

export async function createUser(
  database: DatabaseHandle,
  overrides: Partial<{
    role: Role;
    siteIds: string[];
    email: string;
    name: string;
    active: boolean;
    password: string;
  }> = {},
): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const password = overrides.password ?? `mot-de-passe-${suffix}`;
  const sites = createSitesRepository(database.db);
  const service = createUsersService({
    users: createUsersRepository(database.db),
    sessions: createSessionsRepository(database.db),
    findUnknownSiteIds: (ids) => sites.findUnknownIds(ids),
    passwords,
    audit: createAuditRepository(database.db),
    transact: database.transact,
  });
  const user = await service.createUser({
    email: overrides.email ?? `user-${suffix}@example.ch`,
    name: overrides.name ?? `User ${suffix}`,
    password,
    role: overrides.role ?? 'editor',
    siteIds: overrides.siteIds ?? [],
    active: overrides.active ?? true,
  });
  return { user, password };
}

export interface LoggedIn extends TestUser {
  token: string;
  /** The refresh token cookie value set at login. */
  refreshToken: string;
  headers: { authorization: string };
}

export async function login(app: FastifyInstance, testUser: TestUser): Promise<LoggedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: testUser.user.email, password: testUser.password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const token = (JSON.parse(response.body) as { data: { accessToken: string } }).data.accessToken;
  const refreshToken = response.cookies.find((c) => c.name === 'swigs_refresh')?.value ?? '';
  return { ...testUser, token, refreshToken, headers: { authorization: `Bearer ${token}` } };
}

/** A user of the given role, logged in. */
export async function loggedInUser(
  app: FastifyInstance,
  database: DatabaseHandle,
  overrides: Parameters<typeof createUser>[1] = {},
): Promise<LoggedIn> {
  return login(app, await createUser(database, overrides));
}

/** An API token of a site, created through the API by `creator` (shown once: the secret is returned). */
export async function createApiToken(
  app: FastifyInstance,
  creator: LoggedIn,
  siteId: string,
  scope: 'read' | 'write',
): Promise<{ id: string; secret: string; headers: { authorization: string } }> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/tokens`,
    headers: creator.headers,
    payload: { name: `Jeton ${scope}`, scope },
  });
  if (response.statusCode !== 201) throw new Error(`token creation failed: ${response.body}`);
  const { token, secret } = (JSON.parse(response.body) as { data: { token: { id: string }; secret: string } })
    .data;
  return { id: token.id, secret, headers: { authorization: `Bearer ${secret}` } };
}

/** A message in a site's inbox, stored directly (as the public form would store it). */
export async function createContact(
  database: DatabaseHandle,
  siteId: string,
  overrides: Partial<Omit<NewContact, 'siteId'>> & { read?: boolean } = {},
): Promise<Contact> {
  const suffix = uniqueSuffix();
  const repository = createContactsRepository(database.db);
  const id = await database.transact((tx) =>
    repository.insert(tx, {
      siteId,
      name: `Visiteur ${suffix}`,
      email: `visiteur-${suffix}@example.ch`,
      phone: '',
      subject: `Sujet ${suffix}`,
      message: `Bonjour, une question ${suffix}.`,
      spam: false,
      spamSignals: [],
      ...overrides,
    }),
  );
  if (overrides.read)
    await database.transact((tx) => repository.updateMany(tx, siteId, [id], { read: true }));
  return (await repository.findById(siteId, id))!;
}

/**
 * A media row of a site as an upload would leave it, without a file behind it: enough for routes
 * that read or edit the record and for records that reference images.
 */
export async function createMedia(
  database: DatabaseHandle,
  siteId: string,
  overrides: Partial<{ alt: string; size: number }> = {},
): Promise<Media & { storedName: string }> {
  const repository = createMediaRepository(database.db);
  const storedName = `${randomBytes(16).toString('hex')}.webp`;
  const id = await database.transact((tx) =>
    repository.insert(tx, {
      siteId,
      kind: 'image',
      storedName,
      originalName: 'photo.jpg',
      mimeType: 'image/webp',
      size: overrides.size ?? 1000,
      width: 1200,
      height: 800,
      alt: overrides.alt ?? 'Une photo',
      title: '',
      variants: [],
      uploadedBy: null,
    }),
  );
  return { ...(await repository.findById(siteId, id))!, storedName };
}
