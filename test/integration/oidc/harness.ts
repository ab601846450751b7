import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOidc, type DemoUser, type LocalOidc } from '../../../infra/local/oidc/provider';

export const CLIENT_ID = 'karguzar-web';
export const DEMO_USER: DemoUser = {
  subject: '5f1c2d3e-0000-4000-8000-000000000001',
  username: 'leyla.mammadova',
  password: 'Gizli-Şifrə-2026',
  tenantId: 'demo-agency',
  email: 'leyla@demo.example.az',
  name: 'Leyla Məmmədova',
};

export interface RunningOidc {
  issuer: string;
  origin: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  port: number;
  stop(): Promise<void>;
}

/** A tiny gateway: mounts the provider under /oidc of a 127.0.0.1 origin, answers 404 elsewhere. */
export async function startOidc(dataDir: string, port = 0): Promise<RunningOidc> {
  // Assigned once the port (and so the issuer) is known; requests before that get 404.
  const mounted: { oidc?: LocalOidc } = {};
  const server: Server = createServer((req, res) => {
    const oidc = mounted.oidc;
    if (oidc && (req.url === '/oidc' || req.url?.startsWith('/oidc/') || req.url?.startsWith('/oidc?'))) {
      oidc.callback(req, res);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;
  const issuer = `${origin}/oidc`;
  const redirectUri = `${origin}/auth/callback`;
  const postLogoutRedirectUri = `${origin}/`;
  const oidc = await createOidc({
    issuer,
    dataDir,
    users: [DEMO_USER],
    clients: [
      { clientId: CLIENT_ID, redirectUris: [redirectUri], postLogoutRedirectUris: [postLogoutRedirectUri] },
    ],
  });
  mounted.oidc = oidc;
  return {
    issuer,
    origin,
    redirectUri,
    postLogoutRedirectUri,
    port: actualPort,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await oidc.close();
    },
  };
}

export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'karguzar-oidc-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
