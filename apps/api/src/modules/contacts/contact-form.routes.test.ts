import type { Contact } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createSite, createUser, type LoggedIn, loggedInUser } from '../../../test/factories';
import { eventually, startTestSmtp, type TestSmtp } from '../../../test/smtp';

let t: TestApp;
let smtp: TestSmtp;
let admin: LoggedIn;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await buildTestApp({
    env: {
      SMTP_URL: smtp.url,
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      MAIL_RETRY_DELAY_SECONDS: '1',
      CONTACT_MIN_FILL_SECONDS: '0',
      CONTACT_MAX_PER_IP: '3',
      PUBLIC_URL: 'https://cms.example.ch',
    },
  });
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

let nextIp = 1;
/** Each test posts from an address of its own, so the per-IP limit only bites where it is tested. */
const freshIp = () => `198.51.100.${nextIp++}`;

async function formToken(app: TestApp['app'], site: string) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/public/sites/${site}/contact/token` });
  expect(response.statusCode).toBe(200);
  return json<{ data: { token: string } }>(response).data.token;
}

async function inbox(siteId: string, query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/sites/${siteId}/contacts?${query}`,
    headers: admin.headers,
  });
  return json<{ data: Contact[] }>(response).data;
}

async function mailJobsOf(contactId: string) {
  const { rows } = await t.database.query<{ state: string }>(
    `select state::text as state from pgboss.job where name = 'mail' and data->>'contactId' = $1`,
    [contactId],
  );
  return rows;
}

describe('the public contact form', () => {
  it('stores the message, notifies the site’s addresses and acknowledges the sender', async () => {
    const site = await createSite(t.database);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: {
        notificationEmails: ['secretariat@ecole.example.ch', 'direction@ecole.example.ch'],
        contactAcknowledgement: true,
        contact: { email: 'info@ecole.example.ch' },
      },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sites/${site.domain}/contact`,
      remoteAddress: freshIp(),
      payload: {
        name: 'Léa Dupont',
        email: 'lea@example.ch',
        phone: '+41 79 555 12 34',
        subject: 'Cours de voile',
        message: 'Bonjour,\nreste-t-il des places ? <b>merci</b>',
        website: '',
        formToken: await formToken(t.app, site.slug),
      },
    });
    expect(response.statusCode).toBe(201);
    expect(json(response)).toEqual({ data: { received: true } });

    const [stored] = await inbox(site.id);
    expect(stored).toMatchObject({ name: 'Léa Dupont', read: false, spam: false, spamSignals: [] });

    const mails = await eventually(async () => {
      const mine = smtp.received.filter(
        (m) => m.text.includes('reste-t-il des places') || m.to.includes('lea@example.ch'),
      );
      return mine.length >= 3 ? mine : undefined;
    });
    const notifications = mails.filter((m) => !m.to.includes('lea@example.ch'));
    expect(notifications.flatMap((m) => m.to).sort()).toEqual([
      'direction@ecole.example.ch',
      'secretariat@ecole.example.ch',
    ]);
    const notification = notifications[0]!;
    expect(notification.subject).toBe(`[${site.name}] Cours de voile`);
    expect(notification.replyTo).toContain('lea@example.ch');
    expect(notification.text).toContain('+41 79 555 12 34');
    expect(notification.text).toContain(
      `https://cms.example.ch/admin/sites/${site.id}/contacts/${stored!.id}`,
    );
    // Visitors' text is escaped in the HTML part.
    expect(notification.html).toContain('&lt;b&gt;merci&lt;/b&gt;');
    expect(notification.html).not.toContain('<b>merci</b>');
    const ack = mails.find((m) => m.to.includes('lea@example.ch'))!;
    expect(ack.subject).toBe(`${site.name} : nous avons bien reçu votre message`);
    expect(ack.replyTo).toContain('info@ecole.example.ch');
    expect(ack.text).toContain('reste-t-il des places');
  });

  it('accepts an HTML form post (urlencoded) and notifies the admins when the site has no address', async () => {
    const site = await createSite(t.database);
    const otherAdmin = await createUser(t.database, { role: 'admin' });
    const body = new URLSearchParams({
      name: 'Marc',
      email: 'marc@example.ch',
      phone: '',
      subject: '',
      message: 'Envoyé sans JavaScript',
      website: '',
      formToken: await formToken(t.app, site.slug),
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sites/${site.slug}/contact`,
      remoteAddress: freshIp(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    expect(response.statusCode).toBe(201);
    const [stored] = await inbox(site.id);
    expect(stored).toMatchObject({ name: 'Marc', phone: '', subject: '', spam: false });
    const { rows } = await t.database.query<{ email: string }>(
      `select email from users where role = 'admin' and active order by email`,
    );
    const expected = rows.map((row) => row.email);
    expect(expected).toContain(otherAdmin.user.email);
    const received = await eventually(async () => {
      const mine = smtp.received.filter((m) => m.text.includes('Envoyé sans JavaScript'));
      return mine.length >= expected.length ? mine : undefined;
    });
    expect(received.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(received[0]!.subject).toBe(`[${site.name}] Message de Marc`);
  });

  it('refuses invalid input with field errors and stores nothing', async () => {
    const site = await createSite(t.database);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sites/${site.slug}/contact`,
      remoteAddress: freshIp(),
      payload: { name: '', email: 'pas-un-email', message: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      json<{ errors: { field: string }[] }>(response)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['email', 'message', 'name']);
    expect(await inbox(site.id)).toHaveLength(0);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/sites/no-such-site/contact',
      payload: { name: 'A', email: 'a@example.ch', message: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it.each([
    [
      'a filled honeypot',
      async (site: string) => ({ website: 'http://spam.example', formToken: await formToken(t.app, site) }),
      ['honeypot'],
    ],
    ['no form token', async () => ({}), ['no_form_token']],
    ['a forged form token', async () => ({ formToken: 'lx0.abc.def' }), ['invalid_form_token']],
    [
      'many links',
      async (site: string) => ({
        formToken: await formToken(t.app, site),
        message: 'http://a http://b http://c http://d',
      }),
      ['many_links'],
    ],
  ])(
    'keeps a message with %s as suspected spam, answers the same, notifies nobody',
    async (_label, extra, signals) => {
      const site = await createSite(t.database);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sites/${site.slug}/contact`,
        remoteAddress: freshIp(),
        payload: {
          name: 'Robot',
          email: 'robot@example.ch',
          message: 'Achetez',
          ...(await extra(site.slug)),
        },
      });
      expect(response.statusCode).toBe(201);
      expect(json(response)).toEqual({ data: { received: true } });
      expect(await inbox(site.id)).toHaveLength(0);
      const [spam] = await inbox(site.id, 'spam=true');
      expect(spam).toMatchObject({ name: 'Robot', spam: true, spamSignals: signals });
      expect(await mailJobsOf(spam!.id)).toEqual([]);
    },
  );

  it('treats a form sent faster than the minimum fill time as suspected spam', async () => {
    const slow = await buildTestApp({ database: t.database, env: { CONTACT_MIN_FILL_SECONDS: '60' } });
    try {
      const site = await createSite(t.database);
      const response = await slow.app.inject({
        method: 'POST',
        url: `/api/v1/public/sites/${site.slug}/contact`,
        payload: {
          name: 'Pressé',
          email: 'vite@example.ch',
          message: 'Vite',
          formToken: await formToken(slow.app, site.slug),
        },
      });
      expect(response.statusCode).toBe(201);
      const [spam] = await inbox(site.id, 'spam=true');
      expect(spam).toMatchObject({ spamSignals: ['too_fast'] });
    } finally {
      await slow.close();
    }
  });

  it('limits messages per IP address and site, with Retry-After', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const ip = freshIp();
    const post = (slug: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sites/${slug}/contact`,
        remoteAddress,
        payload: { name: 'A', email: 'a@example.ch', message: 'Encore' },
      });
    for (let i = 0; i < 3; i++) expect((await post(site.slug, ip)).statusCode).toBe(201);
    const blocked = await post(site.slug, ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(other.slug, ip)).statusCode).toBe(201);
    expect((await post(site.slug, freshIp())).statusCode).toBe(201);
  });
});

describe('when the mail server is down', () => {
  it('the message is in the inbox at once, and its email goes out once SMTP is back', async () => {
    const site = await createSite(t.database, {});
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: { notificationEmails: ['panne@ecole.example.ch'] },
    });
    await smtp.stop();
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/sites/${site.slug}/contact`,
        remoteAddress: freshIp(),
        payload: {
          name: 'Patient',
          email: 'p@example.ch',
          message: 'Pendant la panne',
          formToken: await formToken(t.app, site.slug),
        },
      });
      expect(response.statusCode).toBe(201);
      const [stored] = await inbox(site.id);
      expect(stored).toMatchObject({ message: 'Pendant la panne' });
      // The job tried, failed against the closed port, and waits for its next attempt.
      await eventually(async () => (await mailJobsOf(stored!.id)).some((job) => job.state === 'retry'));
      expect(smtp.received.some((m) => m.to.includes('panne@ecole.example.ch'))).toBe(false);
    } finally {
      await smtp.start();
    }
    const delivered = await eventually(
      async () => smtp.received.find((m) => m.to.includes('panne@ecole.example.ch')),
      30_000,
    );
    expect(delivered.text).toContain('Pendant la panne');
  });
});
