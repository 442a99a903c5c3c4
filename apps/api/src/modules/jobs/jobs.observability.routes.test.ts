import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app';
import { createSite, createUser } from '../../../test/factories';
import { samplesOf } from '../../../test/prometheus';
import { eventually, startTestSmtp, type TestSmtp } from '../../../test/smtp';
import type { ErrorContext, ErrorReporter } from '../../lib/error-reporting';
import { createLogger } from '../../lib/logger';

/**
 * What an operator sees of background mail: the request that queued a mail is named on every log
 * line of its job and on the Sentry report of a dead letter; /metrics counts sent and failed mails
 * and shows the queue's depth and dead letters.
 */

type LogLine = Record<string, unknown>;
const lines: LogLine[] = [];
const reports: { error: unknown; context: ErrorContext | undefined }[] = [];
const reporter: ErrorReporter = {
  enabled: true,
  capture: (error, context) => void reports.push({ error, context }),
  flush: async () => true,
};

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  t = await buildTestApp({
    env: {
      SMTP_URL: smtp.url,
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      MAIL_RETRY_LIMIT: '0',
      CONTACT_MIN_FILL_SECONDS: '0',
    },
    logger: createLogger({ level: 'info' }, destination),
    errorReporter: reporter,
  });
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function scrape() {
  const samples = samplesOf((await t.app.inject({ url: '/metrics' })).body);
  return (name: string, labels: Record<string, string>) =>
    samples.find(
      (sample) =>
        sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )?.value;
}

describe('background mail, observed', () => {
  it('a sent mail is logged under the id of the request that queued it, and counted', async () => {
    const site = await createSite(t.database);
    await createUser(t.database, { role: 'admin' });
    const token = (await t.app.inject({ url: `/api/v1/public/sites/${site.slug}/contact/token` })).json<{
      data: { token: string };
    }>().data.token;
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/sites/${site.slug}/contact`,
      headers: { 'x-request-id': 'contact-request-42' },
      payload: { name: 'Ada', email: 'ada@example.ch', message: 'Bonjour !', formToken: token },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.headers['x-request-id']).toBe('contact-request-42');

    const line = await eventually(async () =>
      lines.find((l) => l.msg === 'mail sent' && l.reqId === 'contact-request-42'),
    );
    expect(line).toMatchObject({ kind: 'contact-notification', queue: 'mail', attempt: 1 });
    expect(line.jobId).toEqual(expect.any(String));
    const value = await scrape();
    expect(value('swigs_mail_sent_total', { kind: 'contact-notification' })).toBeGreaterThanOrEqual(1);
    expect(value('swigs_jobs_queued', { queue: 'mail' })).toBeTypeOf('number');
    expect(value('swigs_jobs_active', { queue: 'mail' })).toBeTypeOf('number');
  });

  it('a mail that fails for good is reported to Sentry with its request id, logged and counted', async () => {
    await smtp.stop();
    try {
      const user = await createUser(t.database);
      const before = await scrape();
      const failuresBefore = before('swigs_mail_failures_total', { kind: 'password-reset' }) ?? 0;
      const deadBefore = before('swigs_jobs_failed', { queue: 'mail' }) ?? 0;
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password/forgot',
        headers: { 'x-request-id': 'forgot-request-7' },
        payload: { email: user.user.email },
      });
      expect(asked.statusCode).toBe(202);

      const report = await eventually(async () =>
        reports.find((r) => r.context?.requestId === 'forgot-request-7'),
      );
      expect(report.context).toEqual({
        task: 'job:mail',
        jobId: expect.any(String),
        requestId: 'forgot-request-7',
      });
      expect(String(report.error)).toMatch(/ECONNREFUSED|connect/i);

      // Every line about the request and its job carries the request id: one search finds them all.
      const traced = lines.filter((l) => l.reqId === 'forgot-request-7');
      expect(traced.map((l) => l.msg)).toEqual(
        expect.arrayContaining([
          'incoming request',
          'request completed',
          'job failed: retries exhausted, kept as a dead letter',
        ]),
      );
      expect(traced.find((l) => l.jobId)).toMatchObject({ jobId: report.context?.jobId, queue: 'mail' });

      // The queue's gauges read the jobs table at scrape time: the dead letter may take a moment to land.
      const after = await eventually(async () => {
        const value = await scrape();
        return (value('swigs_jobs_failed', { queue: 'mail' }) ?? 0) > deadBefore ? value : undefined;
      });
      expect(after('swigs_mail_failures_total', { kind: 'password-reset' })).toBe(failuresBefore + 1);
    } finally {
      await smtp.start();
    }
  });
});
