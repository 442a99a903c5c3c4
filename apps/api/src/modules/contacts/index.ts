import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../deps';
import { createSitesRepository } from '../sites/sites.repository';
import { createUsersRepository } from '../users/users.repository';
import {
  contactAcknowledgementKind,
  contactNotificationKind,
  createContactFormService,
} from './contact-form.service';
import { registerContactPublicRoutes } from './contacts.public.routes';
import { createContactsRepository } from './contacts.repository';
import { registerContactsRoutes } from './contacts.routes';
import { createContactsService } from './contacts.service';
import { createFormTokens } from './form-token';

/** A form token is accepted for a day: long enough for a visitor who leaves the page open. */
const formTokenMaxAgeSeconds = 24 * 3600;

export function registerContactsModule(app: FastifyInstance, deps: ModuleDeps) {
  const { db, transact } = deps.database;
  const contacts = createContactsRepository(db);
  const sites = createSitesRepository(db);

  const form = createContactFormService({
    sites,
    contacts,
    users: createUsersRepository(db),
    mail: deps.mail,
    throttle: deps.throttle,
    tokens: createFormTokens(deps.config.auth.jwtSecret),
    transact,
    limits: { ...deps.config.contact, maxAgeSeconds: formTokenMaxAgeSeconds },
    publicUrl: deps.config.http.publicUrl,
  });
  deps.mail.register(contactNotificationKind, (job) => form.composeNotification(job));
  deps.mail.register(contactAcknowledgementKind, (job) => form.composeAcknowledgement(job));
  registerContactPublicRoutes(app, form);

  registerContactsRoutes(app, createContactsService({ contacts, sites, transact }));
}
