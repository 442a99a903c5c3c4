import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, type ServerProcess, startServerProcess } from '../../../test/server-process';
import { startTestSmtp, type TestSmtp } from '../../../test/smtp';
import { createPostgresTestDatabaseUrl, testDriver } from '../../../test/test-database';

/**
 * The hard case of "nothing a visitor sends is lost": the server process is killed (SIGKILL, no
 * shutdown) after a message was stored and before its email could go out. A new process on the
 * same database sends it. On PGlite the second process opens the data directory only once the
 * first is dead (PGlite has no file lock).
 */

const adminEmail = 'admin@restart.example.ch';
const adminPassword = 'un-mot-de-passe-solide';

let dataDir: string;
let smtp: TestSmtp;
let database: { url: string; drop(): Promise<void> } | undefined;
const running: ServerProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-restart-'));
  smtp = await startTestSmtp();
  if (testDriver === 'postgres') database = await createPostgresTestDatabaseUrl();
});
afterAll(async () => {
  for (const server of running) await server.kill();
  await smtp.stop();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function serverEnv(smtpUrl: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    SMTP_URL: smtpUrl,
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
    MAIL_RETRY_DELAY_SECONDS: '1',
    CONTACT_MIN_FILL_SECONDS: '0',
  };
}

async function call<T>(
  server: ServerProcess,
  method: string,
  url: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function waitForJobState(url: string, state: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await client.query(`select state::text from pgboss.job where name like 'mail%'`);
      if (rows.some((row) => row.state === state)) return;
      if (Date.now() > deadline)
        throw new Error(`no mail job reached state ${state}: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

describe('a server killed between storing a message and sending its email', () => {
  it('sends the email after a restart on the same database', async () => {
    const first = await startServerProcess(
      serverEnv(`smtp://127.0.0.1:${await closedPort()}?ignoreTLS=true`),
    );
    running.push(first);
    const { data: session } = await call<{ data: { accessToken: string } }>(
      first,
      'POST',
      '/api/v1/auth/login',
      {
        email: adminEmail,
        password: adminPassword,
      },
    );
    const { data: site } = await call<{ data: { id: string; slug: string } }>(
      first,
      'POST',
      '/api/v1/sites',
      {
        name: 'École du Lac',
        slug: 'ecole-du-lac',
        domain: 'ecole-du-lac.example.ch',
        notificationEmails: ['secretariat@ecole-du-lac.example.ch'],
      },
      session.accessToken,
    );
    const { data: form } = await call<{ data: { token: string } }>(
      first,
      'GET',
      `/api/v1/public/sites/${site.slug}/contact/token`,
    );
    await call(first, 'POST', `/api/v1/public/sites/${site.slug}/contact`, {
      name: 'Léa',
      email: 'lea@example.ch',
      message: 'Message à ne pas perdre',
      formToken: form.token,
    });
    // The first attempt failed (the mail server is down); the job waits for its retry. Kill now.
    await first.waitForLog(
      (line) => line.msg === 'job attempt failed; it will be retried' && line.queue === 'mail',
    );
    // With PostgreSQL another instance could be running an active job, so an orphaned one waits
    // for its expiry: kill only once the failed attempt is recorded. (PGlite has a single process:
    // the restarted server re-runs jobs left active, so killing at any moment is the test there.)
    if (database) await waitForJobState(database.url, 'retry');
    await first.kill();
    expect(smtp.received).toHaveLength(0);

    const second = await startServerProcess(serverEnv(smtp.url));
    running.push(second);
    const [mail] = await smtp.waitFor(1, 45_000);
    expect(mail!.to).toEqual(['secretariat@ecole-du-lac.example.ch']);
    expect(mail!.text).toContain('Message à ne pas perdre');
    const { data: inbox } = await call<{ data: { message: string }[] }>(
      second,
      'GET',
      `/api/v1/sites/${site.id}/contacts`,
      undefined,
      (
        await call<{ data: { accessToken: string } }>(second, 'POST', '/api/v1/auth/login', {
          email: adminEmail,
          password: adminPassword,
        })
      ).data.accessToken,
    );
    expect(inbox.map((m) => m.message)).toEqual(['Message à ne pas perdre']);
    await second.stop();
  }, 120_000);
});
