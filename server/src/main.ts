import { createLogger, loadConfig, startServer } from './index.js';

const started = Date.now();
const config = loadConfig();
const logger = createLogger(config.logLevel);

try {
  const running = await startServer(config, logger);
  logger.info(
    { url: running.url, graphql: `${running.url}/graphql`, database: config.databaseUrl ? 'postgresql' : 'pglite', startupMs: Date.now() - started },
    `xinfang is ready on ${running.url}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, 'xinfang could not start');
  process.exit(1);
}
