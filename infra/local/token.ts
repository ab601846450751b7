import { localPorts } from './port-plan';
import { obtainToken } from './oidc/token-flow';
import { DEMO_PASSWORD } from './seed/seed';
import { WEB_CLIENT_ID } from './embedded';

/** `npm run --silent token -- USERNAME` prints a bearer token for a demo user of the running embedded default. */
async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username) {
    process.stderr.write('usage: npm run --silent token -- USERNAME [PASSWORD]\n');
    process.exit(2);
  }
  const base = `http://127.0.0.1:${localPorts().gateway}`;
  const token = await obtainToken({
    issuer: `${base}/oidc`,
    clientId: WEB_CLIENT_ID,
    redirectUri: `${base}/auth/callback/`,
    username,
    password: process.argv[3] ?? DEMO_PASSWORD,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(1);
});
