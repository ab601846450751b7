import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { KMSClient, ListAliasesCommand, SignCommand } from '@aws-sdk/client-kms';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalService } from '../../../infra/local/services/common';
import * as kmsService from '../../../infra/local/services/kms';
import * as maildevService from '../../../infra/local/services/maildev';
import * as sesService from '../../../infra/local/services/ses';
import * as snsService from '../../../infra/local/services/sns';
import type { RawAnswer } from '../../support/http';
import {
  credentials,
  localCognitoOnTempDir,
  REFUSED,
  region,
  sendAs,
  serviceOnTempDir,
  tempDataDir,
  type PlainCall,
} from './helpers';

const wrongSecret = { accessKeyId: credentials.accessKeyId, secretAccessKey: 'not-the-local-secret' };

/** What each refused variant must be answered with, in the service's own error vocabulary. */
const expectedCodes = (missing: string, unknownKey: string, badSignature: string) => [
  missing,
  unknownKey,
  badSignature,
  badSignature,
  badSignature,
];

/** AWS JSON 1.1 error: `{"__type", "message"}`, the type also in x-amzn-errortype. */
const jsonError = (answer: RawAnswer) => {
  const body = JSON.parse(answer.text) as { __type?: string; message?: unknown };
  expect(typeof body.message).toBe('string');
  expect(answer.headers['x-amzn-errortype']).toBe(body.__type);
  return { status: answer.status, code: body.__type };
};

/** SES v2 REST error: `{"message"}`, the type in x-amzn-errortype. */
const restError = (answer: RawAnswer) => {
  const body = JSON.parse(answer.text) as { message?: unknown };
  expect(typeof body.message).toBe('string');
  return { status: answer.status, code: answer.headers['x-amzn-errortype'] };
};

/** AWS query error: `<ErrorResponse><Error><Type>Sender</Type><Code>…` */
const queryError = (answer: RawAnswer) => {
  expect(answer.text).toMatch(/<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>/);
  expect(answer.text).toMatch(/<Message>[^<]+<\/Message>/);
  return { status: answer.status, code: /<Code>([^<]+)<\/Code>/.exec(answer.text)?.[1] };
};

async function refusals(port: number, call: PlainCall): Promise<RawAnswer[]> {
  const answers: RawAnswer[] = [];
  for (const variant of REFUSED) answers.push(await sendAs(port, call, variant));
  return answers;
}

const JSON_CODES = expectedCodes(
  'MissingAuthenticationTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
);

describe('local KMS takes only requests signed with the local credentials', () => {
  let service: kmsService.KmsService;
  let client: KMSClient;

  serviceOnTempDir('kms-auth', async (dataDir) => {
    service = await kmsService.start({ dataDir, port: 0 });
    client = new KMSClient({ region, endpoint: service.endpoint, credentials, maxAttempts: 1 });
    return service;
  });
  afterAll(() => client?.destroy());

  const call = (target: string, input: unknown): PlainCall => ({
    service: 'kms',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${target}` },
    body: JSON.stringify(input),
  });
  const sign = call('Sign', {
    KeyId: 'alias/karguzar-signing',
    Message: Buffer.from('sənəd 1').toString('base64'),
    MessageType: 'RAW',
    SigningAlgorithm: 'ECDSA_SHA_256',
  });

  it('refuses Sign unsigned, with an unknown key, a wrong secret or a changed byte, and returns no signature', async () => {
    // Act
    const answers = await refusals(service.port, sign);
    const signed = await sendAs(service.port, sign, 'signed');

    // Assert
    expect(answers.map(jsonError)).toEqual(JSON_CODES.map((code) => ({ status: 400, code })));
    for (const answer of answers) expect(answer.text).not.toContain('Signature"');
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.text)).toMatchObject({ Signature: expect.any(String) });
  });

  it('refuses CreateAlias and ListAliases the same way and creates nothing', async () => {
    // Arrange
    const create = call('CreateAlias', { AliasName: 'alias/intruder', TargetKeyId: service.signingKeyArn });

    // Act
    const answers = await refusals(service.port, create);
    const list = await sendAs(service.port, call('ListAliases', {}), 'unsigned');
    const aliases = await client.send(new ListAliasesCommand({}));

    // Assert
    expect(answers.map(jsonError)).toEqual(JSON_CODES.map((code) => ({ status: 400, code })));
    expect(jsonError(list)).toEqual({ status: 400, code: 'MissingAuthenticationTokenException' });
    expect(list.text).not.toContain('karguzar-signing');
    expect(aliases.Aliases?.map((a) => a.AliasName)).toEqual(['alias/karguzar-signing']);
  });

  it('answers an SDK client with a wrong secret with InvalidSignatureException; the right one signs', async () => {
    // Arrange
    const stranger = new KMSClient({
      region,
      endpoint: service.endpoint,
      credentials: wrongSecret,
      maxAttempts: 1,
    });
    const input = {
      KeyId: 'alias/karguzar-signing',
      Message: new Uint8Array(32),
      MessageType: 'DIGEST' as const,
      SigningAlgorithm: 'ECDSA_SHA_256' as const,
    };

    // Act
    const refused: unknown = await stranger.send(new SignCommand(input)).catch((e: unknown) => e);
    const signed = await client.send(new SignCommand(input));

    // Assert
    expect(refused).toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(signed.Signature?.length).toBeGreaterThan(60);
    stranger.destroy();
  });
});

interface Mail {
  subject: string;
}

describe('local SES takes only requests signed with the local credentials', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let maildev: maildevService.MaildevService;
  let ses: LocalService;
  let client: SESv2Client;
  const inbox = async () => (await (await fetch(`${maildev.webUrl}/api/email`)).json()) as Mail[];

  beforeAll(async () => {
    data = await tempDataDir('ses-auth');
    maildev = await maildevService.start({ dataDir: data.dir, smtpPort: 0, webPort: 0 });
    ses = await sesService.start({ port: 0, smtp: { port: maildev.smtpPort } });
    client = new SESv2Client({ region, endpoint: ses.endpoint, credentials, maxAttempts: 1 });
  });

  afterAll(async () => {
    client?.destroy();
    await ses?.close();
    await maildev?.close();
    await data?.remove();
  });

  const send = (subject: string): PlainCall => ({
    service: 'ses',
    path: '/v2/email/outbound-emails',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      FromEmailAddress: 'no-reply@karguzar.local',
      Destination: { ToAddresses: ['qebul@demo.gov.az'] },
      Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Mətn' } } } },
    }),
  });

  it('refuses SendEmail unsigned, with an unknown key, a wrong secret or a changed byte, and relays nothing', async () => {
    // Act
    const answers = await refusals(ses.port, send('Saxta bildiriş'));
    const afterRefusals = await inbox();
    const signed = await sendAs(ses.port, send('Həqiqi bildiriş'), 'signed');

    // Assert
    expect(answers.map(restError)).toEqual(
      expectedCodes(
        'MissingAuthenticationTokenException',
        'UnrecognizedClientException',
        'InvalidSignatureException',
      ).map((code) => ({ status: 403, code })),
    );
    expect(afterRefusals).toEqual([]);
    expect(signed.status).toBe(200);
    await expect.poll(async () => (await inbox()).map((m) => m.subject)).toEqual(['Həqiqi bildiriş']);
  });

  it('answers an SDK client with a wrong secret with InvalidSignatureException; the right one sends', async () => {
    // Arrange
    const stranger = new SESv2Client({
      region,
      endpoint: ses.endpoint,
      credentials: wrongSecret,
      maxAttempts: 1,
    });
    const input = {
      FromEmailAddress: 'no-reply@karguzar.local',
      Destination: { ToAddresses: ['qebul@demo.gov.az'] },
      Content: { Simple: { Subject: { Data: 'SDK' }, Body: { Text: { Data: 'Mətn' } } } },
    };

    // Act
    const refused: unknown = await stranger.send(new SendEmailCommand(input)).catch((e: unknown) => e);
    const sent = await client.send(new SendEmailCommand(input));

    // Assert
    expect(refused).toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403 },
    });
    expect(sent.MessageId).toBeTruthy();
    stranger.destroy();
  });
});

describe('local SNS takes only requests signed with the local credentials', () => {
  let service: snsService.SnsService;
  let client: SNSClient;

  serviceOnTempDir('sns-auth', async (dataDir) => {
    service = await snsService.start({ dataDir, port: 0 });
    client = new SNSClient({ region, endpoint: service.endpoint, credentials, maxAttempts: 1 });
    return service;
  });
  afterAll(() => client?.destroy());

  const publish: PlainCall = {
    service: 'sns',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({
      Action: 'Publish',
      Version: '2010-03-31',
      PhoneNumber: '+994501234567',
      Message: 'Kod: 4821',
    }).toString(),
  };

  it('refuses Publish unsigned, with an unknown key, a wrong secret or a changed byte, and leaves the outbox as it was', async () => {
    // Act
    const answers = await refusals(service.port, publish);
    const afterRefusals = await service.listOutbox();
    const signed = await sendAs(service.port, publish, 'signed');

    // Assert
    expect(answers.map(queryError)).toEqual(
      expectedCodes('MissingAuthenticationToken', 'InvalidClientTokenId', 'SignatureDoesNotMatch').map(
        (code) => ({ status: 403, code }),
      ),
    );
    expect(afterRefusals).toEqual([]);
    expect(signed.status).toBe(200);
    expect((await service.listOutbox()).map((m) => [m.phone, m.text])).toEqual([
      ['+994501234567', 'Kod: 4821'],
    ]);
  });

  it('answers an SDK client with a wrong secret with SignatureDoesNotMatch; the right one publishes', async () => {
    // Arrange
    const stranger = new SNSClient({
      region,
      endpoint: service.endpoint,
      credentials: wrongSecret,
      maxAttempts: 1,
    });
    const input = { PhoneNumber: '+994551112233', Message: 'SDK' };

    // Act
    const refused: unknown = await stranger.send(new PublishCommand(input)).catch((e: unknown) => e);
    const sent = await client.send(new PublishCommand(input));

    // Assert
    expect(refused).toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    expect((await service.listOutbox()).at(-1)).toMatchObject({ id: sent.MessageId, text: 'SDK' });
    stranger.destroy();
  });
});

describe('local Cognito takes only requests signed with the local credentials', () => {
  const local = localCognitoOnTempDir('cognito-auth');
  let client: CognitoIdentityProviderClient;
  const inbox = () => local.inbox<Mail>();

  beforeAll(() => {
    client = new CognitoIdentityProviderClient({
      region,
      endpoint: local.cognito.endpoint,
      credentials,
      maxAttempts: 1,
    });
  });

  afterAll(() => client?.destroy());

  const call = (target: string, input: unknown): PlainCall => ({
    service: 'cognito-idp',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(input),
  });
  const createUser = (username: string) =>
    call('AdminCreateUser', {
      UserPoolId: 'local_karguzar',
      Username: username,
      TemporaryPassword: 'Bilinən-şifrə-1',
      UserAttributes: [
        { Name: 'email', Value: `${username}@demo.gov.az` },
        { Name: 'custom:tenant', Value: 'tenant-1' },
      ],
    });

  it('refuses AdminCreateUser unsigned, with an unknown key, a wrong secret or a changed byte, and creates no login', async () => {
    // Act
    const answers = await refusals(local.cognito.port, createUser('intruder1'));
    const afterRefusals = { user: local.users.byUsername('intruder1'), mail: await inbox() };
    const signed = await sendAs(local.cognito.port, createUser('icraci1'), 'signed');

    // Assert
    expect(answers.map(jsonError)).toEqual(JSON_CODES.map((code) => ({ status: 400, code })));
    expect(afterRefusals).toEqual({ user: undefined, mail: [] });
    expect(signed.status).toBe(200);
    expect(local.users.byUsername('icraci1')).toMatchObject({ tenantId: 'tenant-1', enabled: true });
  });

  it('refuses an unsigned AdminGetUser or AdminDisableUser: nothing read, nothing changed', async () => {
    // Act
    const read = await sendAs(
      local.cognito.port,
      call('AdminGetUser', { UserPoolId: 'local_karguzar', Username: 'icraci1' }),
      'unsigned',
    );
    const disable = await sendAs(
      local.cognito.port,
      call('AdminDisableUser', { UserPoolId: 'local_karguzar', Username: 'icraci1' }),
      'wrong secret',
    );

    // Assert
    expect(jsonError(read)).toEqual({ status: 400, code: 'MissingAuthenticationTokenException' });
    expect(read.text).not.toContain('tenant-1');
    expect(jsonError(disable)).toEqual({ status: 400, code: 'InvalidSignatureException' });
    expect(local.users.byUsername('icraci1')?.enabled).toBe(true);
  });

  it("takes a user's own TOTP enrolment unsigned, as Cognito does, but only with a valid access token; the MFA mark only signed", async () => {
    // Act
    const enrol = await sendAs(
      local.cognito.port,
      call('AssociateSoftwareToken', { AccessToken: 'not-a-token' }),
      'unsigned',
    );
    const mark = await sendAs(
      local.cognito.port,
      call('AdminUpdateUserAttributes', {
        UserPoolId: 'local_karguzar',
        Username: 'icraci1',
        UserAttributes: [{ Name: 'custom:mfa', Value: 'true' }],
      }),
      'unsigned',
    );

    // Assert
    expect(jsonError(enrol)).toEqual({ status: 400, code: 'NotAuthorizedException' });
    expect(jsonError(mark)).toEqual({ status: 400, code: 'MissingAuthenticationTokenException' });
    expect(local.users.byUsername('icraci1')).toMatchObject({ enabled: true });
    expect(local.users.byUsername('icraci1')?.totp).toBeUndefined();
    expect(local.users.byUsername('icraci1')?.mfaAttribute).toBeUndefined();
  });

  it('answers an SDK client with a wrong secret with InvalidSignatureException; the right one works', async () => {
    // Arrange
    const stranger = new CognitoIdentityProviderClient({
      region,
      endpoint: local.cognito.endpoint,
      credentials: wrongSecret,
      maxAttempts: 1,
    });
    const input = {
      UserPoolId: 'local_karguzar',
      Username: 'icraci2',
      MessageAction: 'SUPPRESS' as const,
      UserAttributes: [
        { Name: 'email', Value: 'icraci2@demo.gov.az' },
        { Name: 'custom:tenant', Value: 'tenant-1' },
      ],
    };

    // Act
    const refused: unknown = await stranger.send(new AdminCreateUserCommand(input)).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
    const created = await client.send(new AdminCreateUserCommand(input));
    const got = await client.send(
      new AdminGetUserCommand({ UserPoolId: 'local_karguzar', Username: 'icraci2' }),
    );

    // Assert
    expect(created.User?.Username).toBe('icraci2');
    expect(got.UserAttributes).toContainEqual({ Name: 'custom:tenant', Value: 'tenant-1' });
    stranger.destroy();
  });
});
