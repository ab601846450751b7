import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localPorts } from '../../../infra/local/port-plan';

// Nothing of the embedded default may answer beyond 127.0.0.1: on Linux every 127.x.y.z address is
// the loopback interface, so a listener on 0.0.0.0 (or ::) answers on 127.0.0.2 too, one on
// 127.0.0.1 does not. A probe once read both tenants' data through DynamoDB Local that way.
// It only reads: the suite's shared embedded default serves.
const embedded = {
  port: Number(new URL(inject('baseUrl')).port),
  dataDir: inject('embeddedDataDir'),
};
let control: Server;

beforeAll(async () => {
  control = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => control.listen(0, '0.0.0.0', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => control?.close(resolve));
});

/** Tries a TCP connection: accepted, refused, or something else (the error code). */
function tcp(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 5000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : (error.code ?? error.message)),
    );
  });
}

/** Local addresses of the listening TCP sockets of the embedded default's processes (Linux /proc). */
function listeningAddresses(): string[] {
  const dynamoPid = readFileSync(join(embedded.dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8').trim();
  const group = readFileSync(`/proc/${dynamoPid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2];
  const inodes = new Set<string>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2] !== group) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
        if (inode) inodes.add(inode);
      }
    } catch {
      // a process that ended meanwhile
    }
  }
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = row.trim().split(/\s+/);
      // cols: sl, local_address, rem_address, st (0A = LISTEN), ..., inode (10th)
      if (cols[3] === '0A' && inodes.has(cols[9]!)) addresses.push(cols[1]!);
    }
  }
  return addresses;
}

describe('the embedded default listens on 127.0.0.1 only', () => {
  it('refuses every port of the plan on 127.0.0.2 and accepts it on 127.0.0.1', async () => {
    // Arrange: 127.0.0.2 reaches a listener on every interface (else this test could not fail).
    const controlPort = (control.address() as { port: number }).port;
    expect(await tcp('127.0.0.2', controlPort)).toBe('accepted');
    const plan = localPorts({ PORT: String(embedded.port) });

    // Act
    const results: Record<string, { other: string; loopback: string }> = {};
    for (const [name, port] of Object.entries(plan))
      results[`${name}:${port}`] = {
        other: await tcp('127.0.0.2', port),
        loopback: await tcp('127.0.0.1', port),
      };

    // Assert
    const expected = Object.fromEntries(
      Object.keys(results).map((k) => [k, { other: 'refused', loopback: 'accepted' }]),
    );
    expect(results).toEqual(expected);
  });

  it('does not answer a DynamoDB ListTables on 127.0.0.2', async () => {
    // Arrange
    const plan = localPorts({ PORT: String(embedded.port) });
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.2:${plan.dynamodb}`,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });

    // Act
    const outcome = await client.send(new ListTablesCommand({})).then(
      (res) => `answered: ${JSON.stringify(res.TableNames)}`,
      (error: Error) => error.name,
    );
    client.destroy();

    // Assert
    expect(outcome).not.toMatch(/^answered/);
  });

  it('has no listening socket on any other address, in any of its processes', () => {
    // Act
    const addresses = listeningAddresses();

    // Assert: 0100007F is 127.0.0.1 (IPv4, or IPv4-mapped in IPv6).
    expect(addresses.length).toBeGreaterThanOrEqual(10);
    expect(addresses.filter((a) => !/^(0100007F|0000000000000000FFFF00000100007F):/.test(a))).toEqual([]);
  });
});
