import { createUserBody } from '@swigs/schema';
import { Command } from 'commander';
import { registerBackupCommands } from './cli-backup';
import { registerTransferCommands } from './cli-transfer';
import { type Config, ConfigError, loadConfig } from './config';
import { runMigrations } from './db/migrate';
import { demoAddresses } from './demo/seed-at-start';
import { seedDemoSite } from './demo/seed-demo';
import { AppError } from './lib/errors';
import { createPasswordHasher } from './lib/passwords';
import { randomSecret } from './lib/tokens';
import { createAuditRepository } from './modules/audit/audit.repository';
import { createSessionsRepository } from './modules/auth/sessions.repository';
import { createSitesRepository } from './modules/sites/sites.repository';
import { createUsersRepository } from './modules/users/users.repository';
import { createUsersService } from './modules/users/users.service';
import { exitGracefullyOnSignals } from './shutdown';
import { lockEmbeddedDatabase, openConfiguredDatabase, startServer } from './start';
import { version } from './version';

const print = (message: string) => process.stdout.write(`${message}\n`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Opens (and migrates) the database for one command; the embedded one only if no server holds it. */
async function withDatabase<T>(
  config: Config,
  work: (database: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
) {
  const lock = await lockEmbeddedDatabase(config, 'cli');
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await runMigrations(database);
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await lock?.release();
  }
}

const program = new Command('swigs').description('SWIGS CMS command line').version(version);

program
  .command('start')
  .description('migrate the database and serve the API, the admin panel and the public sites')
  .action(async () => {
    const config = loadConfig();
    const app = await startServer(config, print);
    exitGracefullyOnSignals(app, config.shutdown);
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(config, async (database) => {
      print(`Migrations applied (${database.driver}).`);
    });
  });

program
  .command('create-admin')
  .description('create an administrator account (the password is generated unless given on stdin)')
  .requiredOption('--email <email>', 'email address, used to log in')
  .option('--name <name>', 'display name', 'Administrateur')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action(async (options: { email: string; name: string; passwordStdin?: boolean }) => {
    const config = loadConfig();
    const password = options.passwordStdin ? await readStdin() : randomSecret(18);
    const parsed = createUserBody.safeParse({
      email: options.email,
      name: options.name,
      password,
      role: 'admin',
    });
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
      );
    }
    await withDatabase(config, async (database) => {
      const sites = createSitesRepository(database.db);
      const service = createUsersService({
        users: createUsersRepository(database.db),
        sessions: createSessionsRepository(database.db),
        findUnknownSiteIds: (ids) => sites.findUnknownIds(ids),
        passwords: createPasswordHasher(config.auth.bcryptCost),
        audit: createAuditRepository(database.db),
        transact: database.transact,
      });
      const admin = await service.createUser(parsed.data);
      print(`Administrator created: ${admin.email}`);
      if (!options.passwordStdin) print(`Password (shown only once): ${password}`);
    });
  });

program
  .command('seed-demo')
  .description('create the demo site (courses, contents, SEO) unless it already exists')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(config, async (database) => {
      const result = await seedDemoSite({
        config,
        database,
        log: { warn: (...args: unknown[]) => print(args.map(String).join(' ')) },
      });
      print(
        result.created
          ? `Demo site created: ${demoAddresses(config).join(' or ')}`
          : 'A site with the slug "demo" already exists: nothing changed.',
      );
    });
  });

registerBackupCommands(program);
registerTransferCommands(program, print);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof AppError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
