import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  replyTo: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP listener on 127.0.0.1 for tests. `stop()` closes it (connections are refused, as
 * with a crashed mail server); `start()` listens again on the same port.
 */
export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once `count` mails in total have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

function addressesOf(value: ParsedMail['to']): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.map((a) => a.address ?? ''));
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let boundPort = port;

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Stopping drops open connections after half a second instead of waiting for them (30 s).
      closeTimeout: 500,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              to: addressesOf(parsed.to),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              replyTo: parsed.replyTo?.text ?? '',
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(boundPort, '127.0.0.1', () => resolve());
    });
    const address = listening.server.address();
    if (address && typeof address === 'object') boundPort = address.port;
  }

  await start();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}?ignoreTLS=true`;
    },
    received,
    start,
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} mail(s), got ${received.length}.`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false (or fails after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
