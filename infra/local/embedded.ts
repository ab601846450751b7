import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { join, resolve } from 'node:path';
import { logger } from '../../functions/platform/observability/logger';
import { VISA_CODE_KEY_ALIAS } from '../../functions/modules/eservices';
import { DEMO_PASSWORD, demoUsers, seedDemo } from './seed/seed';
import { seedRegistry } from './seed/registry.seed';
import { DynamoWriteJournal } from './dynamo-journal';
import { attachTenantAccessCheck } from './tenant-access-check';
import { LOCAL_TABLE_NAME, startDynamoLocal, type DynamoLocal } from './dynamodb';
import { startGateway } from './gateway';
import { startStreamPoller } from './stream-poller';
import { timeDynamoCalls } from './request-timing';
import { createOidc } from './oidc/provider';
import { checkPortPlan, LOCAL_HOST, localPorts, type LocalPorts } from './port-plan';
import { LOCAL_AWS_CREDENTIALS } from './services/common';
import * as cognitoService from './services/cognito';
import * as kmsService from './services/kms';
import { LocalUserStore } from './oidc/user-store';
import * as maildevService from './services/maildev';
import * as paymentService from './services/payment';
import * as s3Service from './services/s3';
import * as sesService from './services/ses';
import * as smtpIntakeService from './services/smtp-intake';
import * as snsService from './services/sns';
import { clockStartFromEnv, ControllableClock } from './stepfunctions/clock';
import * as sfnService from './stepfunctions/server';
import { attachDynamoCounter, dynamoCounts } from './dynamo-counter';

export const TABLE_NAME = LOCAL_TABLE_NAME;
export const WEB_CLIENT_ID = 'karguzar-web';
export const API_AUDIENCE = 'karguzar-api';

export interface EmbeddedOptions {
  dataDir: string;
  ports?: LocalPorts;
  webDir?: string;
  /** Where a new data folder's clock starts (default: the real now). Local only. */
  clockStart?: Date;
  /**
   * DynamoDB Local when the caller started it already (start.ts starts its JVM while the rest of
   * the embedded default loads), on `ports.dynamodb` with `TABLE_NAME`; it is closed with the rest.
   */
  dynamo?: Promise<DynamoLocal>;
}

export interface Embedded {
  baseUrl: string;
  maildevUrl: string;
  /** The agencies' intake addresses' SMTP listener (`smtp://127.0.0.1:<port>`) and their domain. */
  intake: { smtp: string; domain: string };
  sms: snsService.SnsService;
  issuer: string;
  ports: LocalPorts;
  close(): Promise<void>;
}

/**
 * The embedded default: every AWS service's local part, the same handlers behind a local gateway,
 * one data folder. Returns once everything answers and the demo data is in place.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<Embedded> {
  // How long each phase of the start took (ms), logged once everything answers: the first one is
  // the process's own start and module loading, up to here.
  const phases: Record<string, number> = { modules: Math.round(performance.now()) };
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  // The port plan is checked before anything is created or started.
  const ports = options.ports ?? localPorts();
  checkPortPlan(ports);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = `http://${LOCAL_HOST}:${ports.gateway}`;
  const issuer = `${baseUrl}/oidc`;
  const closers: Array<() => Promise<void>> = [];

  try {
    const dynamo = await (options.dynamo ??
      startDynamoLocal({
        dataDir,
        port: ports.dynamodb,
        table: TABLE_NAME,
        webOrigin: baseUrl,
      }));
    closers.push(() => dynamo.close());
    phase('dynamodb');

    // One controllable clock (offset kept in the data folder) for the runner, the handlers and the
    // S3 endpoint's Object Lock (a retention period ends by the same clock the archive counts by).
    const clockStart = options.clockStart ?? clockStartFromEnv();
    const clock = new ControllableClock(dataDir, clockStart ? { startAt: clockStart } : {});
    const s3 = await s3Service.start({
      dataDir,
      port: ports.s3,
      // Agency portals upload scans with presigned PUTs from any origin (the URL is the credential).
      corsOrigins: [baseUrl, '*'],
      now: () => clock.now(),
    });
    closers.push(() => s3.close());
    // The document-signing key and the e-visa code key (its own: its public half is published).
    const kms = await kmsService.start({
      dataDir,
      port: ports.kms,
      signingAliases: [kmsService.DEFAULT_SIGNING_ALIAS, VISA_CODE_KEY_ALIAS],
    });
    closers.push(() => kms.close());
    const maildev = await maildevService.start({ dataDir, smtpPort: ports.smtp, webPort: ports.maildevWeb });
    closers.push(() => maildev.close());
    const ses = await sesService.start({ port: ports.ses, smtp: { port: maildev.smtpPort } });
    closers.push(() => ses.close());
    const sns = await snsService.start({ dataDir, port: ports.sns });
    closers.push(() => sns.close());
    // The local acquirer (payment page and signed callbacks), on the same clock as the handlers
    // that check its callbacks' freshness; callbacks an earlier run left undelivered go out now.
    const payment = await paymentService.start({
      dataDir,
      port: ports.payment,
      now: () => clock.now(),
      log: (level, message, fields) => logger[level](message, fields ?? {}),
    });
    closers.push(() => payment.close());
    // The logins: shared by the identity provider and the local Cognito endpoint.
    const userStore = await LocalUserStore.open(dataDir);
    const cognito = await cognitoService.start({
      port: ports.cognito,
      users: userStore,
      smtp: { port: maildev.smtpPort },
      from: 'Kargüzar <no-reply@karguzar.local>',
      signInUrl: `${baseUrl}/`,
      // The user's own access tokens (TOTP enrolment), verified like Cognito verifies its own.
      userOfAccessToken: cognitoService.accessTokenUsers(issuer, API_AUDIENCE),
    });
    closers.push(() => cognito.close());

    // Executions wait until the in-process handlers are wired (below).
    let wired: () => void = () => undefined;
    const handlersWired = new Promise<void>((resolve) => (wired = resolve));
    const sfn = await sfnService.start({
      dataDir,
      port: ports.stepfunctions,
      clock,
      holdUntil: handlersWired,
      log: (level, message, fields) => logger[level](`sfn: ${message}`, fields ?? {}),
    });
    closers.push(() => sfn.close());
    phase('services');
    const machines = Object.fromEntries(sfn.runner.listStateMachines().map((m) => [m.name, m.arn]));

    // The in-process handlers read the same variables as the Lambdas in AWS.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: LOCAL_AWS_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS_CREDENTIALS.secretAccessKey,
      S3_ENDPOINT: s3.endpoint,
      ATTACHMENTS_BUCKET: s3.buckets.attachments,
      ARCHIVE_BUCKET: s3.buckets.archive,
      INTAKE_BUCKET: s3.buckets.intake,
      KMS_ENDPOINT: kms.endpoint,
      SIGNING_KEY_ID: kms.signingKeyArn,
      EVISA_CODE_KEY_ID: kms.signingKeyArns[VISA_CODE_KEY_ALIAS],
      SES_ENDPOINT: ses.endpoint,
      SES_FROM: 'Kargüzar <no-reply@karguzar.local>',
      SNS_ENDPOINT: sns.endpoint,
      PAYMENT_ENDPOINT: payment.endpoint,
      PAYMENT_MERCHANT_ID: payment.merchant.id,
      PAYMENT_SECRET_FILE: payment.merchant.secretFile,
      SFN_ENDPOINT: sfn.url,
      COGNITO_ENDPOINT: cognito.endpoint,
      USER_POOL_ID: 'local_karguzar',
      STATE_MACHINE_ARNS: JSON.stringify(machines),
      KARGUZAR_ENV: 'local',
      AWS_REGION: 'eu-central-1',
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: API_AUDIENCE,
      OIDC_CLIENT_ID: WEB_CLIENT_ID,
      OIDC_TOKEN_TYP: 'at+jwt',
      WEB_ORIGIN: baseUrl,
      // The embedded search engine's folder (OpenSearch instead when SEARCH_ENDPOINT is set).
      SEARCH_DIR: join(dataDir, 'search'),
      // Webhook receivers on 127.0.0.1 (tests, local integrators); AWS never allows private targets.
      WEBHOOKS_ALLOW_PRIVATE: process.env.WEBHOOKS_ALLOW_PRIVATE || 'true',
      // Powertools: logs and metrics as in AWS.
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME || 'karguzar',
      POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE || 'Karguzar',
    });
    const { getContainer, useClock, useDynamoClientHook, wire } =
      await import('../../functions/wiring/container');
    // One process serves every entry here: every adapter is wired (each Lambda wires its own).
    wire((await import('../../functions/wiring/adapters')).everyAdapter);
    // The route groups' dependencies register their tenant access before the container is built
    // (as every route group's Lambda does by importing them).
    await import('../../functions/wiring/http-deps');
    // Loaded once the variables above are set.
    const { handler: streamHandler } = await import('../../functions/api/stream.handler');
    useClock(clock);
    // DynamoDB Local can lose its last acknowledged writes on a hard kill: journal every write.
    const journal = new DynamoWriteJournal(join(dataDir, 'dynamodb-journal'));
    const replayed = await journal.replay(dynamo.client);
    if (replayed.restored > 0) logger.warn('dynamodb journal replayed', replayed);
    useDynamoClientHook((client) => {
      journal.attach(client);
      // Each API request's DynamoDB time, in its Server-Timing header (request-timing.ts).
      timeDynamoCalls(client);
      // Tenant requests are held to the tenant access role's policy, as in AWS (issue 18).
      attachTenantAccessCheck(client, TABLE_NAME, (detail) => logger.error('tenant access refused', detail));
      // Requests counted by operation and key (measurements of issue 17; off unless asked for).
      if (process.env.KARGUZAR_COUNT_DYNAMO === '1') attachDynamoCounter(client);
    });
    closers.push(() => journal.close());
    wired();
    const { addHealthCheck } = await import('../../functions/modules/system');

    const container = getContainer();
    phase('wiring');
    // Demo logins come from the seed itself (with the documented password), not from invitations.
    const seeded = await seedDemo({ store: container.store, clock: container.clock });
    await seedRegistry(container.registry);
    logger.info('seed', { tenants: seeded.tenants, created: seeded.created });
    phase('seed');
    // Data kept from an earlier version: documents stored before lists matched numbers by prefix.
    const backfilled = await container.documents.backfillNumberKeys();
    if (backfilled.updated > 0) logger.info('number keys backfilled', backfilled);
    // Documents stored before a status's list had its own index (gsi2).
    const statusKeys = await container.documents.backfillStatusKeys();
    if (statusKeys.updated > 0) logger.info('status keys backfilled', statusKeys);
    // Documents stored before need-to-know: their participants' units, for the heads' view.
    const { backfillParticipantUnits } = await import('../../functions/modules/documents');
    const units = await backfillParticipantUnits(container);
    if (units.updated > 0) logger.info('participant units backfilled', units);
    phase('backfills');

    // The search index is rebuilt from the table when its folder is missing or empty, or when an
    // earlier rebuild did not finish (its marker is written last), while the rest serves requests.
    const searchDir = join(dataDir, 'search');
    const rebuilt = join(dataDir, 'search-rebuilt');
    const searchMissing =
      !process.env.SEARCH_ENDPOINT &&
      (!existsSync(searchDir) || readdirSync(searchDir).length === 0 || !existsSync(rebuilt));
    const { closeLocalAdapters } = await import('../../functions/wiring/adapters');
    closers.push(() => closeLocalAdapters());
    let searchRebuild: Promise<void> = Promise.resolve();
    if (searchMissing) {
      const { rebuildSearchIndex } = await import('../../functions/modules/search');
      const started = Date.now();
      searchRebuild = rebuildSearchIndex(container, {
        tenants: seeded.tenants,
        onProgress: ({ tenantId, indexed }) => {
          if (indexed > 0 && indexed % 1000 === 0) logger.info('search index rebuild', { tenantId, indexed });
        },
      }).then(
        (done) => {
          writeFileSync(rebuilt, new Date().toISOString());
          logger.info('search index rebuilt', { ...done, ms: Date.now() - started });
        },
        (error: unknown) =>
          logger.error('search index rebuild failed', {
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    }
    closers.push(() => searchRebuild);

    const oidc = await createOidc({
      issuer,
      dataDir,
      users: demoUsers().map((u) => ({ ...u, password: DEMO_PASSWORD })),
      userStore,
      clients: [
        {
          clientId: WEB_CLIENT_ID,
          redirectUris: [`${baseUrl}/auth/callback/`, `http://localhost:${ports.gateway}/auth/callback/`],
          postLogoutRedirectUris: [`${baseUrl}/`, `http://localhost:${ports.gateway}/`],
        },
      ],
      apiAudience: API_AUDIENCE,
      onServerError: (error) => logger.error('oidc', { error: error.message }),
    });
    closers.push(() => oidc.close());

    // E-mail in: the SMTP listener stores each message in the intake bucket, then calls the same
    // handler S3's event invokes in AWS (pending messages of an earlier run are taken in first).
    const { handler: intakeHandler } = await import('../../functions/api/intake.handler');
    const intakeDomain = (await import('../../functions/wiring/config')).config().INTAKE_DOMAIN;
    const { intakeEvent } = await import('../../functions/modules/exchange');
    const smtpIntake = await smtpIntakeService.start({
      dataDir,
      port: ports.smtpIntake,
      domain: intakeDomain,
      s3: { endpoint: s3.endpoint, bucket: s3.buckets.intake },
      deliver: async ({ bucket, key, versionId }) => {
        const context = { functionName: 'karguzar-mail-intake', awsRequestId: randomUUID() } as Context;
        await intakeHandler(intakeEvent(bucket, key, versionId), context);
      },
      log: (level, message, fields) => logger[level](message, fields ?? {}),
    });
    closers.push(() => smtpIntake.close());

    const poller = startStreamPoller({
      dynamo: dynamo.client,
      endpoint: dynamo.endpoint,
      table: TABLE_NAME,
      dataDir,
      // The same entry as the stream Lambda in AWS (partial batch responses included).
      handlers: { table: streamHandler },
      intervalMs: 1000,
    });
    closers.push(() => poller.close());

    addHealthCheck(async () => ({
      oidc: { ok: true },
      streams: await poller.health(),
      s3: await s3.health(),
      kms: await kms.health(),
      maildev: await maildev.health(),
      ses: await ses.health(),
      sns: await sns.health(),
      payment: await payment.health(),
      smtpIntake: await smtpIntake.health(),
      cognito: await cognito.health(),
      stepfunctions: { ok: sfn.health().status === 'ok' },
    }));

    const gateway = await startGateway({
      port: ports.gateway,
      webDir: options.webDir ?? resolve('web/out'),
      oidc: oidc.callback,
      // The SMS outbox, the embedded default's stand-in for phones (like maildev's inbox for e-mail).
      local: async (req, res, url) => {
        if (url.pathname === '/local/dynamo-counts' && process.env.KARGUZAR_COUNT_DYNAMO === '1') {
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(JSON.stringify(dynamoCounts(url.searchParams.get('reset') === '1')));
          return true;
        }
        if (url.pathname === '/local/clock') {
          // The controllable clock (tests and demos): GET shows it, POST {"advanceMs": n} moves it on.
          if (req.method === 'POST') {
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of req) {
              size += (chunk as Buffer).length;
              if (size <= 4096) chunks.push(chunk as Buffer);
            }
            let body: { advanceMs?: unknown } = {};
            try {
              body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { advanceMs?: unknown };
            } catch {
              body = {};
            }
            const ms = Number(body?.advanceMs);
            if (size > 4096 || !Number.isFinite(ms) || ms < 0) {
              res.writeHead(400, { 'content-type': 'application/problem+json; charset=utf-8' });
              res.end(
                JSON.stringify({
                  type: 'https://karguzar.az/problems/invalid-request',
                  title: 'advanceMs must be a non-negative number of milliseconds',
                  status: 400,
                  code: 'invalid_request',
                }),
              );
              return true;
            }
            clock.advance(ms);
          }
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          });
          res.end(JSON.stringify({ now: clock.now().toISOString(), offsetMs: clock.offset }));
          return true;
        }
        if (url.pathname !== '/local/sms' || req.method !== 'GET') return false;
        const after = url.searchParams.get('after') ?? undefined;
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 500);
        const items = await sns.listOutbox({ limit, ...(after ? { after } : {}) });
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(JSON.stringify({ items }));
        return true;
      },
    });
    closers.push(() => gateway.close());
    phase('serve');
    logger.info('started', { ms: Math.round(performance.now()), phases });

    return {
      maildevUrl: maildev.webUrl,
      intake: { smtp: smtpIntake.endpoint, domain: intakeDomain },
      sms: sns,
      baseUrl,
      issuer,
      ports,
      close: async () => {
        for (const close of closers.reverse()) await close().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}
