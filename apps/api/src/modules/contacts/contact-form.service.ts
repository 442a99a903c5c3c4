import {
  type ContactFormToken,
  type contactFormBody,
  contactHoneypotField,
  type SpamSignal,
} from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import type { ThrottleStore } from '../../lib/throttle';
import type { OutgoingMail } from '../../mail/mailer';
import type { MailJob, MailOutbox } from '../../mail/outbox';
import type { SitesRepository } from '../sites/sites.repository';
import type { UsersRepository } from '../users/users.repository';
import { renderContactAcknowledgement, renderContactNotification } from './contacts.mail';
import type { ContactsRepository } from './contacts.repository';
import type { FormTokens } from './form-token';

export const contactNotificationKind = 'contact-notification';
export const contactAcknowledgementKind = 'contact-acknowledgement';

export interface ContactFormLimits {
  minFillSeconds: number;
  maxAgeSeconds: number;
  maxPerIp: number;
  windowSeconds: number;
}

export interface ContactFormServiceDeps {
  sites: Pick<SitesRepository, 'findIdByKey' | 'findById'>;
  contacts: Pick<ContactsRepository, 'insert' | 'findById'>;
  users: Pick<UsersRepository, 'findActiveAdminEmails'>;
  mail: Pick<MailOutbox, 'enqueue'>;
  throttle: ThrottleStore;
  tokens: FormTokens;
  transact: Transact;
  limits: ContactFormLimits;
  publicUrl: string;
}

interface ContactMailJob extends MailJob {
  siteId: string;
  contactId: string;
  to?: string;
}

/** More links than this in one message is typical of spam, rare in a real enquiry. */
const maxLinks = 3;

/** Why a submission looks like spam; empty when it looks like a person wrote it. */
export function spamSignalsOf(
  body: z.output<typeof contactFormBody>,
  tokenCheck: ReturnType<FormTokens['check']>,
): SpamSignal[] {
  const signals: SpamSignal[] = [];
  if (body[contactHoneypotField]?.trim()) signals.push('honeypot');
  if (tokenCheck !== 'ok') signals.push(tokenCheck);
  if ((body.message.match(/https?:\/\//gi) ?? []).length > maxLinks) signals.push('many_links');
  return signals;
}

/**
 * A site's public contact form. A message is stored first, and its notification emails are queued
 * in the same transaction: if the process dies right after, the jobs are there when it restarts;
 * if SMTP is down, the jobs retry. Suspected spam is stored with its signals and not notified —
 * and the visitor gets the same answer either way, so a robot learns nothing.
 */
export function createContactFormService(deps: ContactFormServiceDeps) {
  const { sites, contacts, limits } = deps;

  async function siteIdOf(key: string): Promise<string> {
    const siteId = await sites.findIdByKey(key);
    if (!siteId) throw notFound('SITE_NOT_FOUND', 'This site');
    return siteId;
  }

  async function loadForMail(job: MailJob) {
    const { siteId, contactId } = job as ContactMailJob;
    const [site, contact] = await Promise.all([sites.findById(siteId), contacts.findById(siteId, contactId)]);
    // Deleted meanwhile (by an editor, or with its site): nothing to tell anyone.
    return site && contact ? { site, contact, to: (job as ContactMailJob).to } : undefined;
  }

  return {
    async issueToken(siteKey: string): Promise<ContactFormToken> {
      const siteId = await siteIdOf(siteKey);
      return {
        token: deps.tokens.issue(siteId),
        minFillSeconds: limits.minFillSeconds,
        maxAgeSeconds: limits.maxAgeSeconds,
        honeypotField: contactHoneypotField,
      };
    },

    async submit(
      siteKey: string,
      body: z.output<typeof contactFormBody>,
      client: { ip: string; requestId?: string | undefined },
    ): Promise<void> {
      const siteId = await siteIdOf(siteKey);
      const hits = await deps.throttle.hit(`contact:${siteId}:${client.ip}`, limits.windowSeconds);
      if (hits.count > limits.maxPerIp) {
        throw new AppError('RATE_LIMITED', 'Too many messages from your address. Please try again later.', {
          retryAfter: Math.max(1, hits.resetSeconds),
        });
      }
      const site = await sites.findById(siteId);
      if (!site) throw notFound('SITE_NOT_FOUND', 'This site');
      const signals = spamSignalsOf(body, deps.tokens.check(body.formToken, siteId, limits));
      const spam = signals.length > 0;
      // The request that sent the message: its id follows the notification jobs into their logs.
      const origin = { requestId: client.requestId };
      await deps.transact(async (tx) => {
        const contactId = await contacts.insert(tx, {
          siteId,
          name: body.name,
          email: body.email,
          phone: body.phone ?? '',
          subject: body.subject ?? '',
          message: body.message,
          spam,
          spamSignals: signals,
        });
        if (spam) return;
        const recipients =
          site.notificationEmails.length > 0
            ? site.notificationEmails
            : await deps.users.findActiveAdminEmails(tx);
        for (const to of new Set(recipients)) {
          await deps.mail.enqueue(tx, { kind: contactNotificationKind, siteId, contactId, to }, origin);
        }
        if (site.contactAcknowledgement) {
          await deps.mail.enqueue(tx, { kind: contactAcknowledgementKind, siteId, contactId }, origin);
        }
      });
    },

    async composeNotification(job: MailJob): Promise<OutgoingMail | null> {
      const loaded = await loadForMail(job);
      if (!loaded?.to) return null;
      return {
        to: loaded.to,
        replyTo: loaded.contact.email,
        ...renderContactNotification(loaded.contact, loaded.site, deps.publicUrl),
      };
    },

    async composeAcknowledgement(job: MailJob): Promise<OutgoingMail | null> {
      const loaded = await loadForMail(job);
      if (!loaded) return null;
      return {
        to: loaded.contact.email,
        // The visitor's reply reaches the site's own address, not a no-reply mailbox.
        replyTo: loaded.site.contact.email || undefined,
        ...renderContactAcknowledgement(loaded.contact, loaded.site, deps.publicUrl),
      };
    },
  };
}

export type ContactFormService = ReturnType<typeof createContactFormService>;
