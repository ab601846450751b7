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
  /** The SMTP listener of the agencies' intake addresses (e-mail in). */
  smtpIntake: number;
  /** The local acquirer: the payment API and its hosted payment page (browsers open it). */
  payment: number;
}

/**
 * The Fetch standard's "bad ports": Node's `fetch` and every browser refuse to connect to them, so
 * a service there would look healthy to itself and be unreachable to the web app, the token
 * client and the handlers' own calls (https://fetch.spec.whatwg.org/#port-blocking).
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const VARIABLES: Record<keyof LocalPorts, string> = {
  gateway: 'PORT',
  dynamodb: 'KARGUZAR_DYNAMODB_PORT',
  s3: 'KARGUZAR_S3_PORT',
  kms: 'KARGUZAR_KMS_PORT',
  stepfunctions: 'KARGUZAR_SFN_PORT',
  smtp: 'KARGUZAR_SMTP_PORT',
  maildevWeb: 'KARGUZAR_MAILDEV_PORT',
  ses: 'KARGUZAR_SES_PORT',
  sns: 'KARGUZAR_SNS_PORT',
  cognito: 'KARGUZAR_COGNITO_PORT',
  smtpIntake: 'KARGUZAR_SMTP_INTAKE_PORT',
  payment: 'KARGUZAR_PAYMENT_PORT',
};

/** Throws a clear message when a port of the plan is one that fetch and browsers refuse, or taken twice. */
export function checkPortPlan(ports: LocalPorts): void {
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports) as Array<[keyof LocalPorts, number]>) {
    const variable = VARIABLES[name];
    if (!Number.isInteger(port) || port <= 0 || port > 65535)
      throw new Error(
        `Port ${port} of the ${name} service is not a TCP port; choose a lower PORT or set ${variable}`,
      );
    if (FETCH_BLOCKED_PORTS.has(port)) {
      throw new Error(
        `Port ${port} of the ${name} service is one that fetch and browsers refuse to connect to; ` +
          `choose another ${variable} (without their own variables the services take PORT+1 … PORT+11)`,
      );
    }
    const other = seen.get(port);
    if (other)
      throw new Error(
        `Port ${port} is planned twice (${other} and ${name}); set ${variable} to another port`,
      );
    seen.set(port, name);
  }
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return n;
}

/** The port plan from the environment, checked (see `checkPortPlan`). */
export function localPorts(env: NodeJS.ProcessEnv = process.env): LocalPorts {
  const base = num(env, 'PORT', 3000);
  const ports: LocalPorts = {
    gateway: base,
    dynamodb: num(env, 'KARGUZAR_DYNAMODB_PORT', base + 1),
    s3: num(env, 'KARGUZAR_S3_PORT', base + 2),
    kms: num(env, 'KARGUZAR_KMS_PORT', base + 3),
    stepfunctions: num(env, 'KARGUZAR_SFN_PORT', base + 4),
    smtp: num(env, 'KARGUZAR_SMTP_PORT', base + 5),
    maildevWeb: num(env, 'KARGUZAR_MAILDEV_PORT', base + 6),
    ses: num(env, 'KARGUZAR_SES_PORT', base + 7),
    sns: num(env, 'KARGUZAR_SNS_PORT', base + 8),
    cognito: num(env, 'KARGUZAR_COGNITO_PORT', base + 9),
    smtpIntake: num(env, 'KARGUZAR_SMTP_INTAKE_PORT', base + 10),
    payment: num(env, 'KARGUZAR_PAYMENT_PORT', base + 11),
  };
  checkPortPlan(ports);
  return ports;
}

export const LOCAL_HOST = '127.0.0.1';
