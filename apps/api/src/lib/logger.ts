import { mkdirSync } from 'node:fs';
import pino, { type Logger, type StreamEntry } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

/** Paths of secrets that must never reach a log line. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
];

export interface LogSettings {
  level: pino.LevelWithSilent;
  /** Also write rotating `combined.log` (every line) and `error.log` (error and fatal) here. */
  files?:
    | {
        dir: string;
        /** Rotate when a file reaches this size (`10M`). */
        size: string;
        /** …or this age (`1d`), whichever comes first. */
        interval: string;
        /** Rotated files kept per log (gzipped). */
        maxFiles: number;
      }
    | undefined;
}

export interface AppLogger {
  logger: Logger;
  /** Flushes and closes the log files. */
  close(): Promise<void>;
}

function rotating(name: string, files: NonNullable<LogSettings['files']>): RotatingFileStream {
  return createStream(name, {
    path: files.dir,
    size: files.size,
    interval: files.interval,
    maxFiles: files.maxFiles,
    compress: 'gzip',
  });
}

/**
 * One JSON line per event on stdout — what systemd, Docker and log shippers expect — and, when
 * LOG_DIR is set, the same lines in rotating files, with errors also in their own file (the
 * original design's `error.log` and `combined.log`).
 */
export function createLogger(
  settings: LogSettings,
  destination: NodeJS.WritableStream = process.stdout,
): AppLogger {
  const options = { level: settings.level, redact: { paths: redactPaths, censor: '[redacted]' } };
  if (!settings.files || settings.level === 'silent') {
    return { logger: pino(options, destination), close: async () => {} };
  }
  mkdirSync(settings.files.dir, { recursive: true });
  const combined = rotating('combined.log', settings.files);
  const errors = rotating('error.log', settings.files);
  const streams: StreamEntry[] = [
    { level: settings.level, stream: destination },
    { level: settings.level, stream: combined },
    { level: 'error', stream: errors },
  ];
  const logger = pino(options, pino.multistream(streams));
  const end = (stream: RotatingFileStream) =>
    new Promise<void>((resolve) => {
      stream.end(() => resolve());
    });
  return {
    logger,
    async close() {
      await Promise.all([end(combined), end(errors)]);
    },
  };
}
