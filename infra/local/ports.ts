/**
 * Port plan of the embedded default. Everything binds 127.0.0.1. PORT (default 3000) is the
 * gateway (web, API, OIDC issuer under /oidc); the emulated AWS endpoints take the next ports
 * unless their own variable says otherwise.
 */
export interface LocalPorts {
  gateway: number;
  dynamodb: number;
  s3: number;
  kms: number;
  stepfunctions: number;
  smtp: number;
  maildevWeb: number;
  ses: number;
  sns: number;
  cognito: number;
}

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return n;
}

export function localPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const base = num('PORT', Number(env.PORT ?? 3000) || 3000);
  return {
    gateway: base,
    dynamodb: num('KARGUZAR_DYNAMODB_PORT', base + 1),
    s3: num('KARGUZAR_S3_PORT', base + 2),
    kms: num('KARGUZAR_KMS_PORT', base + 3),
    stepfunctions: num('KARGUZAR_SFN_PORT', base + 4),
    smtp: num('KARGUZAR_SMTP_PORT', base + 5),
    maildevWeb: num('KARGUZAR_MAILDEV_PORT', base + 6),
    ses: num('KARGUZAR_SES_PORT', base + 7),
    sns: num('KARGUZAR_SNS_PORT', base + 8),
    cognito: num('KARGUZAR_COGNITO_PORT', base + 9),
  };
}

export const LOCAL_HOST = '127.0.0.1';
