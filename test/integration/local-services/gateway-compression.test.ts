import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StaticFiles } from '../../../infra/local/static-files';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One exchange, the body as the bytes on the wire (no decoding). */
function exchange(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (answer: Answer) =>
  answer.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(answer.body)
    : answer.headers['content-encoding'] === 'gzip'
      ? gunzipSync(answer.body)
      : answer.body;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

describe('the web export through the gateway: compression, ETag, Range, HEAD', () => {
  const dir = mkdtempSync(join(tmpdir(), 'karguzar-static-'));
  // Repetitive text compresses; random bytes stand for images, PDFs and archives.
  const script = Buffer.from(Array.from({ length: 800 }, (_, i) => `export const v${i} = ${i};\n`).join(''));
  const small = Buffer.from('export const tiny = 1;\n');
  const binary = randomBytes(20_000);
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'small.js'), small);
    for (const name of ['image.png', 'file.pdf', 'bundle.zip']) writeFileSync(join(dir, name), binary);
    const files = new StaticFiles();
    server = createServer((req, res) => {
      const name = (req.url ?? '/').slice(1);
      void files.send(req, res, join(dir, name), 200, {
        'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends brotli for br, gzip for gzip and the file itself for no Accept-Encoding, all with Vary', async () => {
    // Act
    const br = await exchange(port, '/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    const gzip = await exchange(port, '/app.js', { 'accept-encoding': 'gzip' });
    const identity = await exchange(port, '/app.js');

    // Assert
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const answer of [br, gzip, identity]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
      expect(decoded(answer).equals(script)).toBe(true);
    }
    expect(br.body.length).toBeLessThan(script.length / 4);
    expect(gzip.body.length).toBeLessThan(script.length / 4);
  });

  it('gives the file a strong ETag and its compressed forms the weak one; If-None-Match answers 304', async () => {
    // Arrange
    const identity = await exchange(port, '/app.js');
    const br = await exchange(port, '/app.js', { 'accept-encoding': 'br' });
    const strong = String(identity.headers.etag);

    // Act
    const again = await exchange(port, '/app.js', {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers.etag),
    });
    const crossed = await exchange(port, '/app.js', { 'if-none-match': String(br.headers.etag) });
    const other = await exchange(port, '/app.js', { 'accept-encoding': 'br', 'if-none-match': '"other"' });

    // Assert
    expect(strong).toMatch(/^"[0-9a-f]+"$/);
    expect(br.headers.etag).toBe(`W/${strong}`);
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(`W/${strong}`);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(crossed.status).toBe(304);
    expect(crossed.headers.etag).toBe(strong);
    expect(other.status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    // Act
    const get = await exchange(port, '/app.js', { 'accept-encoding': 'br' });
    const head = await exchange(port, '/app.js', { 'accept-encoding': 'br' }, 'HEAD');

    // Assert
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'etag', 'vary', 'content-type'])
      expect(head.headers[name], name).toBe(get.headers[name]);
  });

  it('leaves small files, images, PDFs and archives uncompressed and without Vary', async () => {
    for (const [path, body] of [
      ['/small.js', small],
      ['/image.png', binary],
      ['/file.pdf', binary],
      ['/bundle.zip', binary],
    ] as const) {
      const answer = await exchange(port, path, { 'accept-encoding': 'gzip, br' });
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(answer.headers.vary, path).toBeUndefined();
      expect(answer.body.equals(body), path).toBe(true);
    }
  });

  it('serves byte ranges of the file itself, even to a client that takes brotli', async () => {
    // Act
    const part = await exchange(port, '/app.js', { 'accept-encoding': 'br', range: 'bytes=100-199' });
    const tail = await exchange(port, '/file.pdf', { range: 'bytes=-1000' });
    const beyond = await exchange(port, '/app.js', {
      'accept-encoding': 'br',
      range: `bytes=${script.length}-`,
    });
    const stale = await exchange(port, '/app.js', { range: 'bytes=0-9', 'if-range': '"stale"' });

    // Assert
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.headers['content-range']).toBe(`bytes 100-199/${script.length}`);
    expect(part.headers.vary).toBe('Accept-Encoding');
    expect(part.body.equals(script.subarray(100, 200))).toBe(true);
    expect(tail.status).toBe(206);
    expect(tail.body.equals(binary.subarray(binary.length - 1000))).toBe(true);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${script.length}`);
    expect(stale.status).toBe(200);
    expect(stale.body.equals(script)).toBe(true);
  });
});

describe('API answers through the gateway', () => {
  const port = Number(new URL(inject('baseUrl')).port);

  it('compresses a large JSON answer per Accept-Encoding and leaves a small one alone', async () => {
    // Act
    const br = await exchange(port, '/api/openapi.json', { 'accept-encoding': 'gzip, br' });
    const gzip = await exchange(port, '/api/openapi.json', { 'accept-encoding': 'gzip' });
    const identity = await exchange(port, '/api/openapi.json');
    const small = await exchange(port, '/api/health', { 'accept-encoding': 'gzip, br' });

    // Assert
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(identity.headers['content-encoding']).toBeUndefined();
    for (const answer of [br, gzip, identity]) expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(decoded(br).equals(identity.body)).toBe(true);
    expect(decoded(gzip).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.body.length / 4);
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(1000);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString()) as unknown).toMatchObject({ status: 'ok' });
  });
});
