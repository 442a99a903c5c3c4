import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createUser, loggedInUser, login } from '../../../test/factories';
import { eventually, startTestSmtp, type TestSmtp } from '../../../test/smtp';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await buildTestApp({
    env: {
      SMTP_URL: smtp.url,
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      PUBLIC_URL: 'https://cms.example.ch',
      PASSWORD_RESET_MAX_PER_EMAIL: '3',
      PASSWORD_RESET_MAX_PER_IP: '100',
    },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

function tokenOf(text: string): string {
  const match = /reset-password\?token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
  return decodeURIComponent(match[1]);
}

async function mailTo(address: string) {
  return eventually(async () => smtp.received.find((mail) => mail.to.includes(address)));
}

async function forgot(email: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { email }, headers });
}

describe('password reset', () => {
  it('answers the same for known and unknown emails, and mails only the known one', async () => {
    const editor = await createUser(t.database);
    const known = await forgot(editor.user.email.toUpperCase());
    const unknown = await forgot(`nobody-${Date.now()}@example.ch`);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);

    const mail = await mailTo(editor.user.email);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail.text).toContain('https://cms.example.ch/admin/reset-password?token=');
    expect(mail.html).toContain('https://cms.example.ch/admin/reset-password?token=');
    // Both jobs ran to completion: the unknown address was looked up by the job and skipped.
    await eventually(async () => {
      const { rows } = await t.database.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = 'mail' and state <> 'completed'`,
      );
      return rows[0]!.n === 0;
    });
    expect(smtp.received.filter((m) => m.to.includes(editor.user.email))).toHaveLength(1);
    // Only the hash of the token is stored, and the job never carried it.
    const token = tokenOf(mail.text);
    const { rows } = await t.database.query(
      `select 1 from pgboss.job where data::text like $1 union all select 1 from password_reset_tokens where token_hash = $2`,
      [`%${token}%`, token],
    );
    expect(rows).toHaveLength(0);
  });

  it('sets the new password once, ends every session, and refuses the token again', async () => {
    const editor = await loggedInUser(t.app, t.database);
    expect((await forgot(editor.user.email, { 'accept-language': 'en-GB,en;q=0.9' })).statusCode).toBe(202);
    const mail = await mailTo(editor.user.email);
    expect(mail.subject).toBe('Reset your password');
    const token = tokenOf(mail.text);

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'short' },
    });
    expect(weak.statusCode).toBe(400);

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'un-nouveau-mot-de-passe' },
    });
    expect(reset.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: editor.headers });
    expect(me.statusCode).toBe(401);
    await expect(login(t.app, editor)).rejects.toThrow(/401/);
    const fresh = await login(t.app, { user: editor.user, password: 'un-nouveau-mot-de-passe' });
    expect(fresh.token).toBeTruthy();

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/reset',
      payload: { token, password: 'encore-un-autre-mot' },
    });
    expect(again.statusCode).toBe(400);
    expect(json(again).code).toBe('RESET_TOKEN_INVALID');
  });

  it('refuses an expired token and an unknown one', async () => {
    const editor = await createUser(t.database);
    await forgot(editor.user.email);
    const token = tokenOf((await mailTo(editor.user.email)).text);
    await t.database.query(
      `update password_reset_tokens set expires_at = now() - interval '1 minute' where user_id = $1`,
      [editor.user.id],
    );
    for (const candidate of [token, 'x'.repeat(43)]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password/reset',
        payload: { token: candidate, password: 'un-nouveau-mot-de-passe' },
      });
      expect(response.statusCode).toBe(400);
      expect(json(response).code).toBe('RESET_TOKEN_INVALID');
    }
    await expect(login(t.app, editor)).resolves.toBeTruthy();
  });

  it('throttles requests per email with Retry-After, for known and unknown emails alike', async () => {
    for (const email of [(await createUser(t.database)).user.email, `ghost-${Date.now()}@example.ch`]) {
      for (let i = 0; i < 3; i++) expect((await forgot(email)).statusCode).toBe(202);
      const blocked = await forgot(email);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

describe('without SMTP', () => {
  it('writes the mail as an .eml file under DATA_DIR/mail', async () => {
    // A database of its own: another app's workers (with SMTP) must not take this mail.
    const local = await buildTestApp({ env: { JOBS_POLL_INTERVAL_SECONDS: '0.5' } });
    try {
      const editor = await createUser(local.database);
      await local.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password/forgot',
        payload: { email: editor.user.email },
      });
      const dir = local.config.mail.dir;
      const file = await eventually(async () => {
        try {
          const files = readdirSync(dir).filter((name) => name.endsWith('.eml'));
          return files.find((name) => readFileSync(path.join(dir, name), 'utf8').includes(editor.user.email));
        } catch {
          return undefined;
        }
      });
      const raw = readFileSync(path.join(dir, file), 'utf8');
      expect(raw).toContain('reset-password?token=');
    } finally {
      await local.close();
    }
  });
});
