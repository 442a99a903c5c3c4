import { ConfigError, loadConfig } from './config';
import { exitGracefullyOnSignals } from './shutdown';
import { startServer } from './start';

/** Process entry: read the configuration, start, and drain then close on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const app = await startServer(config, (message) => process.stdout.write(`${message}\n`));
  exitGracefullyOnSignals(app, config.shutdown);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error?.stack ?? String(error))}\n`);
  process.exit(1);
});
