/**
 * Starts the local Step Functions endpoint on its own:
 *   node --import tsx infra/local/stepfunctions/main.ts [--data-dir DIR] [--port N] [--functions JSON]
 * Defaults: KARGUZAR_DATA_DIR (or .data), KARGUZAR_SFN_PORT (or the port plan's 3004),
 * KARGUZAR_SFN_FUNCTIONS (JSON object: task name → module path, for test-only task Lambdas).
 * Prints one JSON line `{"ready":true,"url":...}` on stdout when listening.
 */
import { parseArgs } from 'node:util';
import { localPorts } from '../port-plan';
import { start } from './server';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    functions: { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? process.env.KARGUZAR_DATA_DIR ?? '.data';
const port = values.port !== undefined ? Number(values.port) : localPorts().stepfunctions;
const functionsJson = values.functions ?? process.env.KARGUZAR_SFN_FUNCTIONS;
const functions = functionsJson ? (JSON.parse(functionsJson) as Record<string, string>) : undefined;

const server = await start({ dataDir, port, functions });
process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, pid: process.pid })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
