import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createUser, type LoggedIn, loggedInUser } from '../../../test/factories';
import { closedPort } from '../../../test/server-process';
import { eventually, startTestSmtp } from '../../../test/smtp';

let t: TestApp;
let admin: LoggedIn;
let smtpPort: number;
beforeAll(async () => {
  smtpPort = await closedPort();
  t = await buildTestApp({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`,
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      MAIL_RETRY_LIMIT: '1',
      MAIL_RETRY_DELAY_SECONDS: '1',
    },
  });
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

interface FailedJobs {
  data: {
    id: string;
    queue: string;
    data: Record<string, unknown>;
    error: string | null;
    attempts: number;
  }[];
  meta: { total: number };
}

describe('dead letters', () => {
  it('a mail that exhausts its retries is listed for admins, and a retry delivers it', async () => {
    const editor = await createUser(t.database);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/forgot',
      payload: { email: editor.user.email },
    });
    const failed = await eventually(async () => {
      const list = json<FailedJobs>(
        await t.app.inject({ method: 'GET', url: '/api/v1/jobs/failed', headers: admin.headers }),
      );
      return list.data.find((job) => job.data.email === editor.user.email);
    }, 30_000);
    expect(failed).toMatchObject({ queue: 'mail', attempts: 2, data: { kind: 'password-reset' } });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/jobs/failed',
          headers: (await loggedInUser(t.app, t.database)).headers,
        })
      ).statusCode,
    ).toBe(403);

    const smtp = await startTestSmtp(smtpPort);
    try {
      const retried = await t.app.inject({
        method: 'POST',
        url: `/api/v1/jobs/${failed.id}/retry`,
        headers: admin.headers,
      });
      expect(retried.statusCode).toBe(200);
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual([editor.user.email]);
      const after = json<FailedJobs>(
        await t.app.inject({ method: 'GET', url: '/api/v1/jobs/failed', headers: admin.headers }),
      );
      expect(after.data.some((job) => job.id === failed.id)).toBe(false);
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/v1/jobs/${failed.id}/retry`,
        headers: admin.headers,
      });
      expect(again.statusCode).toBe(404);
      expect(json(again).code).toBe('JOB_NOT_FOUND');
    } finally {
      await smtp.stop();
    }
  });
});
