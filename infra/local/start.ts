import { logger } from '../../functions/platform/observability/logger';
import { ensureWebBuilt } from '../../scripts/build-web';
import { startEmbedded } from './embedded';

async function main(): Promise<void> {
  if (process.env.KARGUZAR_SKIP_WEB_BUILD !== '1') await ensureWebBuilt((m) => logger.info(m));
  const embedded = await startEmbedded({ dataDir: process.env.KARGUZAR_DATA_DIR ?? '.data' });
  logger.info('Kargüzar is running', {
    url: embedded.baseUrl,
    issuer: embedded.issuer,
    intakeSmtp: embedded.intake.smtp,
  });
  process.stdout.write(
    `\nKargüzar: ${embedded.baseUrl}  (demo logins in README.md)\n` +
      `E-mail in: ${embedded.intake.smtp}  (<agency key>@${embedded.intake.domain})\n`,
  );
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void embedded.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  logger.error('start failed', { error: (error as Error).message });
  process.exit(1);
});
