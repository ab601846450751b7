import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { logger } from '../../functions/platform/observability/logger';
import { LOCAL_TABLE_NAME, startDynamoLocal } from './dynamodb';
import { checkPortPlan, LOCAL_HOST, localPorts } from './port-plan';
import type { Embedded } from './embedded';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.KARGUZAR_DATA_DIR ?? '.data');
  const ports = localPorts();
  checkPortPlan(ports);
  mkdirSync(dataDir, { recursive: true });
  // DynamoDB Local's JVM starts first and comes up while the rest of the embedded default loads
  // (and the web build, if any, runs); startEmbedded waits for it.
  const dynamo = startDynamoLocal({
    dataDir,
    port: ports.dynamodb,
    table: LOCAL_TABLE_NAME,
    webOrigin: `http://${LOCAL_HOST}:${ports.gateway}`,
  });
  dynamo.catch(() => undefined); // reported by startEmbedded, which awaits it
  let embedded: Embedded;
  try {
    if (process.env.KARGUZAR_SKIP_WEB_BUILD !== '1') {
      const { ensureWebBuilt } = await import('../../scripts/build-web');
      await ensureWebBuilt((m) => logger.info(m));
    }
    const { startEmbedded } = await import('./embedded');
    embedded = await startEmbedded({ dataDir, ports, dynamo });
  } catch (error) {
    // startEmbedded closes what it started; DynamoDB Local too if it never got that far.
    await dynamo.then(
      (d) => d.close(),
      () => undefined,
    );
    throw error;
  }
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
