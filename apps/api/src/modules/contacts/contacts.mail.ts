import type { Contact, Site } from '@swigs/schema';
import { type MailBrand, type MailLocale, mailLocaleOf, renderMail } from '../../mail/layout';

const mailableLogoTypes = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** The site's name and, when mail programs can show it, its logo (as an absolute URL). */
export function siteBrand(site: Site, publicUrl: string): MailBrand {
  const logo = site.logo && mailableLogoTypes.has(site.logo.mimeType) ? site.logo.url : undefined;
  return { name: site.name, logoUrl: logo ? `${publicUrl.replace(/\/$/, '')}${logo}` : undefined };
}

function receivedAt(contact: Contact, site: Site, locale: MailLocale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-CH', {
    timeZone: site.timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(contact.receivedAt));
}

const notification = {
  fr: {
    subject: (c: Contact, site: Site) => `[${site.name}] ${c.subject || `Message de ${c.name}`}`,
    intro: (site: Site) => `Nouveau message reçu par le formulaire de contact du site ${site.name}.`,
    labels: { name: 'Nom', email: 'Email', phone: 'Téléphone', subject: 'Sujet', received: 'Reçu le' },
    action: 'Ouvrir dans la boîte de réception',
    reply: 'Répondez directement à cet email pour écrire à l’expéditeur.',
    footer: (site: Site) => `Notification envoyée par SWIGS CMS pour ${site.name}.`,
  },
  en: {
    subject: (c: Contact, site: Site) => `[${site.name}] ${c.subject || `Message from ${c.name}`}`,
    intro: (site: Site) => `New message received through the contact form of ${site.name}.`,
    labels: { name: 'Name', email: 'Email', phone: 'Phone', subject: 'Subject', received: 'Received' },
    action: 'Open in the inbox',
    reply: 'Reply to this email to write to the sender.',
    footer: (site: Site) => `Notification sent by SWIGS CMS for ${site.name}.`,
  },
};

/** To the site's team: who wrote, what, and a link to the message in the admin panel. */
export function renderContactNotification(contact: Contact, site: Site, publicUrl: string) {
  const locale = mailLocaleOf(site.locale);
  const t = notification[locale];
  const fields = [
    { label: t.labels.name, value: contact.name },
    { label: t.labels.email, value: contact.email },
    ...(contact.phone ? [{ label: t.labels.phone, value: contact.phone }] : []),
    ...(contact.subject ? [{ label: t.labels.subject, value: contact.subject }] : []),
    { label: t.labels.received, value: receivedAt(contact, site, locale) },
  ];
  const inboxUrl = `${publicUrl.replace(/\/$/, '')}/admin/sites/${site.id}/contacts/${contact.id}`;
  return renderMail({
    locale,
    brand: siteBrand(site, publicUrl),
    subject: t.subject(contact, site),
    blocks: [
      { type: 'paragraph', text: t.intro(site) },
      { type: 'fields', fields },
      { type: 'quote', text: contact.message },
      { type: 'action', label: t.action, url: inboxUrl },
      { type: 'paragraph', text: t.reply },
    ],
    footer: t.footer(site),
  });
}

const acknowledgement = {
  fr: {
    subject: (site: Site) => `${site.name} : nous avons bien reçu votre message`,
    greeting: (c: Contact) => `Bonjour ${c.name},`,
    body: 'Merci pour votre message. Nous l’avons bien reçu et vous répondrons dès que possible. En voici une copie :',
    contact: 'Pour nous joindre',
    footer: 'Message automatique envoyé suite à votre demande sur notre site.',
  },
  en: {
    subject: (site: Site) => `${site.name}: we received your message`,
    greeting: (c: Contact) => `Hello ${c.name},`,
    body: 'Thank you for your message. We received it and will answer as soon as possible. Here is a copy:',
    contact: 'How to reach us',
    footer: 'Automatic message sent after your request on our website.',
  },
};

/** To the visitor (when the site asks for it): a thank-you with a copy of what they wrote. */
export function renderContactAcknowledgement(contact: Contact, site: Site, publicUrl: string) {
  const locale = mailLocaleOf(site.locale);
  const t = acknowledgement[locale];
  const reach = [site.contact.email, site.contact.phone, site.contact.address].filter(Boolean).join('\n');
  return renderMail({
    locale,
    brand: siteBrand(site, publicUrl),
    subject: t.subject(site),
    blocks: [
      { type: 'paragraph', text: t.greeting(contact) },
      { type: 'paragraph', text: t.body },
      { type: 'quote', text: contact.subject ? `${contact.subject}\n\n${contact.message}` : contact.message },
      ...(reach ? [{ type: 'fields' as const, fields: [{ label: t.contact, value: reach }] }] : []),
    ],
    footer: t.footer,
  });
}
