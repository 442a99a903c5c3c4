import { ConfigError, loadConfig } from './config';
import { startServer } from './start';

/** Process entry: read the configuration, start, and close gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const app = await startServer(config, (message) => process.stdout.write(`${message}\n`));
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error?.stack ?? String(error))}\n`);
  process.exit(1);
});
