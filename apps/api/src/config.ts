import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildOperationsConfig, operationsEnv } from './config-operations';

/**
 * The only reader of process.env. Everything the server needs to know comes through `loadConfig`,
 * validated once at start so that a typo fails loudly instead of half-working.
 */

export const environments = ['development', 'test', 'staging', 'production'] as const;
export type Environment = (typeof environments)[number];

/** Secret shipped for local use only; production refuses to start with it. */
export const developmentJwtSecret = 'swigs-development-secret-change-me-0000000000';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));
const duration = z.coerce.number().int().positive();

const envSchema = z.object({
  SWIGS_ENV: z.enum(environments).optional(),
  NODE_ENV: z.string().optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: optionalString,
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.pipe(z.url().optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalString.pipe(z.url().optional()),
  REDIS_KEY_PREFIX: z.string().max(50).default('swigs:'),
  PUBLIC_CACHE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(3600),
  PUBLIC_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  PUBLIC_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
  SEO_DIR: optionalString,
  JWT_SECRET: optionalString,
  ACCESS_TOKEN_TTL_SECONDS: duration.default(900),
  REFRESH_TOKEN_TTL_SECONDS: duration.default(30 * 24 * 3600),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).optional(),
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_SECONDS: duration.default(900),
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  ADMIN_NAME: z.string().default('Administrateur'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  CORS_ORIGINS: optionalString,
  ADMIN_DIST_DIR: optionalString,
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  ...operationsEnv,
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().default('SWIGS CMS <no-reply@swigs.local>'),
  MAIL_REPLY_TO: optionalString,
  JOBS_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(10),
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  PASSWORD_RESET_MAX_PER_EMAIL: z.coerce.number().int().positive().default(3),
  PASSWORD_RESET_MAX_PER_IP: z.coerce.number().int().positive().default(10),
  PASSWORD_RESET_WINDOW_SECONDS: duration.default(3600),
  CONTACT_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  CONTACT_MAX_PER_IP: z.coerce.number().int().positive().default(5),
  CONTACT_WINDOW_SECONDS: duration.default(600),
});

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: z.infer<typeof envSchema>, cwd: string) {
  const environment: Environment =
    env.SWIGS_ENV ??
    (environments.includes(env.NODE_ENV as Environment) ? (env.NODE_ENV as Environment) : 'development');
  const isProductionLike = environment === 'production' || environment === 'staging';
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  return {
    environment,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      bodyLimit: env.BODY_LIMIT_BYTES,
      corsOrigins:
        env.CORS_ORIGINS?.split(',')
          .map((o) => o.trim())
          .filter(Boolean) ?? [],
    },
    db: {
      /** When unset the embedded PGlite database under `dataDir/db` is used. */
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
    },
    dataDir,
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    publicApi: {
      /** How long a public answer stays cached (edits invalidate it at once); 0 turns the cache off. */
      cacheTtlSeconds: env.PUBLIC_CACHE_TTL_SECONDS,
      /** Bound of the in-process cache (used without Redis). */
      cacheMaxBytes: env.PUBLIC_CACHE_MAX_BYTES,
      /** max-age sent to browsers and CDNs; 0 = revalidate every time (ETag makes that a 304). */
      maxAgeSeconds: env.PUBLIC_MAX_AGE_SECONDS,
    },
    seo: {
      /** Where `<siteId>/seo.json` files are written for nginx. */
      outputDir: env.SEO_DIR ? path.resolve(cwd, env.SEO_DIR) : path.join(dataDir, 'seo'),
    },
    auth: {
      jwtSecret: env.JWT_SECRET ?? developmentJwtSecret,
      accessTokenTtl: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtl: env.REFRESH_TOKEN_TTL_SECONDS,
      /** bcrypt cost 12 ≈ 250 ms per hash on a small server; tests use the minimum. */
      bcryptCost: env.BCRYPT_COST ?? (environment === 'test' ? 4 : 12),
      secureCookies: isProductionLike,
      login: {
        maxPerAccount: env.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
        maxPerIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
        windowSeconds: env.LOGIN_WINDOW_SECONDS,
      },
    },
    admin: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME },
    log: {
      level: env.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    },
    /**
     * The demo site at start: `auto` seeds it on a brand-new embedded installation in development
     * (what a newcomer's `npm start` is), `true` whenever it is missing, `false` never.
     */
    seedDemo: env.SEED_DEMO,
    mail: {
      /** When unset, mails are written as .eml files under `dir` instead of being sent. */
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      replyTo: env.MAIL_REPLY_TO,
      dir: path.join(dataDir, 'mail'),
      retryLimit: env.MAIL_RETRY_LIMIT,
      retryDelaySeconds: env.MAIL_RETRY_DELAY_SECONDS,
    },
    jobs: { pollIntervalSeconds: env.JOBS_POLL_INTERVAL_SECONDS },
    media: {
      uploadsDir: path.join(dataDir, 'uploads'),
      maxBytes: env.MEDIA_MAX_BYTES,
    },
    passwordReset: {
      ttlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      maxPerEmail: env.PASSWORD_RESET_MAX_PER_EMAIL,
      maxPerIp: env.PASSWORD_RESET_MAX_PER_IP,
      windowSeconds: env.PASSWORD_RESET_WINDOW_SECONDS,
    },
    contact: {
      minFillSeconds: env.CONTACT_MIN_FILL_SECONDS,
      maxPerIp: env.CONTACT_MAX_PER_IP,
      windowSeconds: env.CONTACT_WINDOW_SECONDS,
    },
    adminUi: {
      distDir: env.ADMIN_DIST_DIR ? path.resolve(cwd, env.ADMIN_DIST_DIR) : undefined,
    },
    ...buildOperationsConfig(env, environment, { dataDir, cwd, embedded: !env.DATABASE_URL }),
  };
}

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

/** `true`, `false`, a hop count ("1": the nearest proxy) or a list of trusted addresses/CIDRs. */
function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from `env` (default: process.env, plus `.env` in the working directory
 * when present — real environment variables win over the file).
 */
export function loadConfig(env: NodeJS.ProcessEnv = readProcessEnv(), cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const config = buildConfig(parsed.data, cwd);
  const problems: string[] = [];
  if (config.environment === 'production' || config.environment === 'staging') {
    if (!parsed.data.JWT_SECRET) problems.push('JWT_SECRET: required in production and staging.');
    else if (parsed.data.JWT_SECRET === developmentJwtSecret)
      problems.push('JWT_SECRET: the development default must not be used in production or staging.');
    else if (parsed.data.JWT_SECRET.length < 32)
      problems.push('JWT_SECRET: use at least 32 random characters.');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readProcessEnv(): NodeJS.ProcessEnv {
  const file = path.resolve(process.cwd(), '.env');
  if (existsSync(file)) {
    // process.loadEnvFile never overrides variables that are already set.
    process.loadEnvFile(file);
  }
  return process.env;
}
