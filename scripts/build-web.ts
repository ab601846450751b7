import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeWebApiFiles } from './web-api-types';

/**
 * Hash of what the static export is built from: the web sources (the API contract's types
 * included, web/api) and the locked dependencies. The web app imports no server code.
 */
function webSourceHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'out' || name === '.next' || name === 'node_modules' || name === 'next-env.d.ts') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(root);
  hash.update(readFileSync(resolve('package-lock.json')));
  return hash.digest('hex');
}

/**
 * Builds web/out (next build with output: 'export') unless it is up to date, after bringing the
 * generated API contract (web/api/schema.d.ts and enums.ts) up to this tree's OpenAPI document.
 */
export async function ensureWebBuilt(log: (message: string) => void = () => undefined): Promise<void> {
  const web = resolve('web');
  if (!existsSync(web)) return;
  for (const file of await writeWebApiFiles()) log(`generated ${file}`);
  const stamp = join(web, 'out', '.source-hash');
  const current = webSourceHash(web);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return;
  log('building the web app (first start or changed sources)');
  execFileSync(process.execPath, [resolve('node_modules/next/dist/bin/next'), 'build', 'web'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  writeFileSync(stamp, current);
}

if (process.env.KARGUZAR_BUILD_ONLY === '1') await ensureWebBuilt((m) => process.stdout.write(`${m}\n`));
