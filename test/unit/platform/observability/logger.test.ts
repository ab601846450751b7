import { beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../../../functions/platform/observability/logger';
import { redact, scrubText, REDACTED } from '../../../../functions/platform/observability/redact';
import { captureOutput } from '../../../support/output';

// Personal data of a made-up citizen, as it could reach a log call by mistake.
const person = {
  name: 'Əli',
  surname: 'Məmmədov',
  patronymic: 'Rafiq oğlu',
  fin: '5ZR8K3P',
  voen: '1400057421',
  birthDate: '1985-04-12',
  address: 'Bakı, Nizami küç. 10, mənzil 5',
  phone: '+994 50 123 45 67',
  email: 'ali.mammadov@example.az',
};
const personalStrings = [
  'Əli',
  'Məmmədov',
  'Rafiq',
  '5ZR8K3P',
  '1400057421',
  '1985-04-12',
  'Nizami',
  '123 45 67',
  'ali.mammadov',
];

describe('the structured logger', () => {
  // Info lines are under test, whatever LOG_LEVEL the shell has.
  beforeAll(() => logger.setLogLevel('INFO'));

  it('writes one JSON line with the project shape: level, time, message, service, then the fields', async () => {
    // Act
    const { lines } = await captureOutput(() =>
      logger.info('request', {
        requestId: 'b6f1c1de-4a4e-4d53-9a53-0c3c1f7b7e10',
        tenantId: 'tenant-1',
        route: 'GET /api/v1/documents/{id}',
        status: 200,
        durationMs: 12,
      }),
    );

    // Assert
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      message: 'request',
      service: 'karguzar',
      requestId: 'b6f1c1de-4a4e-4d53-9a53-0c3c1f7b7e10',
      tenantId: 'tenant-1',
      route: 'GET /api/v1/documents/{id}',
      status: 200,
      durationMs: 12,
    });
  });

  it('writes warnings and errors to stderr, the rest to stdout', async () => {
    const { stdout, stderr } = await captureOutput(() => {
      logger.info('to stdout');
      logger.warn('to stderr');
      logger.error('to stderr too');
    });
    expect(stdout).toContain('"to stdout"');
    expect(stdout).not.toContain('to stderr');
    expect(stderr).toContain('"to stderr"');
    expect(stderr).toContain('"to stderr too"');
  });

  it('keeps personal data out of a line, whatever field or depth it comes in', async () => {
    // Arrange: personal data as top-level fields, nested in a sender, in a list, and in free text.
    const error = new Error(`Citizen ${person.fin} (${person.email}, ${person.phone}) not found`);

    // Act
    const { lines, stdout, stderr } = await captureOutput(() => {
      logger.warn('lookup failed', { documentId: 'd-42', ...person });
      logger.error('unhandled', {
        route: 'POST /api/v1/documents/incoming',
        sender: { kind: 'citizen', ...person },
        recipients: [{ name: 'Ayşən Quliyeva', email: 'aysen@example.az' }],
        error,
      });
      logger.info(`sms to ${person.phone} for ${person.fin} failed`);
    });

    // Assert
    const text = stdout + stderr;
    for (const value of [...personalStrings, 'Ayşən', 'aysen@']) expect(text).not.toContain(value);
    expect(lines[0]).toMatchObject({ documentId: 'd-42', name: REDACTED, fin: REDACTED, address: REDACTED });
    expect(lines[1]).toMatchObject({
      route: 'POST /api/v1/documents/incoming',
      sender: { kind: 'citizen', name: REDACTED, phone: REDACTED },
      recipients: [{ name: REDACTED, email: REDACTED }],
      error: { type: 'Error', message: 'Citizen [fin] ([email], [phone]) not found' },
    });
    expect((lines[1]?.error as { stack: string }).stack).toContain('logger.test.ts');
    expect(lines[2]?.message).toBe('sms to [phone] for [fin] failed');
  });

  it('masks tokens and secrets', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
    expect(
      redact({ authorization: `Bearer ${jwt}`, taskToken: 'AQCAAAAKgAAAA', detail: `got ${jwt}` }),
    ).toEqual({
      authorization: REDACTED,
      taskToken: REDACTED,
      detail: 'got [token]',
    });
  });

  it('leaves ids, codes, routes, dates and numbers as they are', () => {
    const values = [
      'b6f1c1de-4a4e-4d53-9a53-0c3c1f7b7e10',
      'calendar_year_without_movable_holidays',
      'GET /api/v1/inbox/{box}',
      '2026-03-19T08:00:00.000Z',
      '000000000000000000042',
      'UNKNOWN',
      'ConditionalCheckFailedException',
      'http://127.0.0.1:3000/oidc',
      'aws-cdk@2.1148.1',
      'Port 6000 of the gateway service is one that fetch and browsers refuse',
    ];
    for (const value of values) expect(scrubText(value)).toBe(value);
    expect(redact({ tenantId: 't1', year: 2027, count: 3, ok: true })).toEqual({
      tenantId: 't1',
      year: 2027,
      count: 3,
      ok: true,
    });
  });

  it('masks the phone numbers and FİN codes people write', () => {
    expect(scrubText('050 123 45 67, (012) 555-12-34, 994501234567, +4915112345678')).toBe(
      '[phone], [phone], [phone], [phone]',
    );
    expect(scrubText('FİN 5ZR8K3P və 1AB2CD3')).toBe('FİN [fin] və [fin]');
  });
});
