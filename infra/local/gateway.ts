import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { negotiateLanguage } from '../../functions/platform/kernel/text';
import { openApiDocument } from '../../functions/api/openapi';
import { toProblem, HttpError } from '../../functions/platform/http/problem';
import { isPublicApiPath } from '../../functions/platform/http/cors';
import { routeKey, type RouteGroup } from '../../functions/platform/http/route';
import { routes } from '../../functions/api/routes';
import { logger } from '../../functions/platform/observability/logger';
import { compress, sendCompressible } from './compression';
import { serverTiming, timed } from './request-timing';
import { StaticFiles } from './static-files';

type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** The same handler modules that CDK deploys, one per route group. */
async function loadHandlers(): Promise<Record<RouteGroup, LambdaHandler>> {
  const [
    system,
    org,
    reference,
    documents,
    citizenRegistries,
    execution,
    onboarding,
    signatures,
    archive,
    search,
    reports,
    exchange,
    webhooks,
    eservices,
  ] = await Promise.all([
    import('../../functions/api/handlers/system.handler'),
    import('../../functions/api/handlers/org.handler'),
    import('../../functions/api/handlers/reference.handler'),
    import('../../functions/api/handlers/documents.handler'),
    import('../../functions/api/handlers/citizen-registries.handler'),
    import('../../functions/api/handlers/execution.handler'),
    import('../../functions/api/handlers/onboarding.handler'),
    import('../../functions/api/handlers/signatures.handler'),
    import('../../functions/api/handlers/archive.handler'),
    import('../../functions/api/handlers/search.handler'),
    import('../../functions/api/handlers/reports.handler'),
    import('../../functions/api/handlers/exchange.handler'),
    import('../../functions/api/handlers/webhooks.handler'),
    import('../../functions/api/handlers/eservices.handler'),
  ]);
  return {
    system: system.handler as unknown as LambdaHandler,
    org: org.handler as unknown as LambdaHandler,
    reference: reference.handler as unknown as LambdaHandler,
    documents: documents.handler as unknown as LambdaHandler,
    'citizen-registries': citizenRegistries.handler as unknown as LambdaHandler,
    execution: execution.handler as unknown as LambdaHandler,
    onboarding: onboarding.handler as unknown as LambdaHandler,
    signatures: signatures.handler as unknown as LambdaHandler,
    archive: archive.handler as unknown as LambdaHandler,
    search: search.handler as unknown as LambdaHandler,
    reports: reports.handler as unknown as LambdaHandler,
    exchange: exchange.handler as unknown as LambdaHandler,
    webhooks: webhooks.handler as unknown as LambdaHandler,
    eservices: eservices.handler as unknown as LambdaHandler,
  };
}

interface CompiledRoute {
  method: string;
  regex: RegExp;
  names: string[];
  key: string;
  group: RouteGroup;
}

function compile(): CompiledRoute[] {
  return routes.map((r) => {
    const names: string[] = [];
    const pattern = r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { method: r.method, regex: new RegExp(`^${pattern}$`), names, key: routeKey(r), group: r.group };
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** API Gateway's HTTP API takes bodies up to 10 MB; beyond that the connection is cut there too. */
const DISCARD_LIMIT = 10 * 1024 * 1024;

/**
 * Reads a body of at most `limit` bytes. A larger one is read to its end and dropped (up to
 * DISCARD_LIMIT), so that the client, still sending, gets a 413 problem rather than a reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () => new HttpError(413, 'payload_too_large', 'Body too large');
    if (declared > DISCARD_LIMIT) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT) {
        req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolvePromise(Buffer.concat(chunks))));
    req.on('close', () => {
      if (size > DISCARD_LIMIT) reject(tooLarge());
    });
    req.on('error', reject);
  });
}

/** A path segment decoded, or a 400 problem when its percent-encoding is broken (`%`, `%C0%AF`, `%FF`). */
function decodePath(segment: string): string {
  try {
    // Throws on a lone `%`, truncated sequences and bytes that are not UTF-8 (overlong forms included).
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'invalid_path', 'Malformed percent-encoding in the path');
  }
}

function sendProblem(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const problem = toProblem(error, negotiateLanguage(req.headers['accept-language']));
  res.writeHead(problem.status, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(problem.body));
}

export interface GatewayOptions {
  port: number;
  webDir: string;
  /** Mounted under /oidc: the local identity provider. */
  oidc?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Embedded-only endpoints under /local/ (SMS outbox, clock): return true when handled. */
  local?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

/** The local stand-in for API Gateway + CloudFront: API events from the route table, the web export, the OIDC issuer. */
export async function startGateway(
  opts: GatewayOptions,
): Promise<{ server: Server; close(): Promise<void> }> {
  const handlers = await loadHandlers();
  const compiled = compile();
  const webRoot = resolve(opts.webDir);
  const openapi = Buffer.from(JSON.stringify(openApiDocument()));
  const staticFiles = new StaticFiles();

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/openapi.json') {
      const headers = { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS };
      await sendCompressible(req, res, 200, headers, openapi);
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const candidates = compiled.filter((c) => c.regex.test(url.pathname));
    // A CORS preflight of a public path goes to its group's handler, as API Gateway's OPTIONS route does.
    const preflight =
      method === 'OPTIONS' && isPublicApiPath(url.pathname) && candidates[0]
        ? { ...candidates[0], key: `OPTIONS ${candidates[0].key.slice(candidates[0].key.indexOf(' ') + 1)}` }
        : undefined;
    const route = preflight ?? candidates.find((c) => c.method === method);
    if (!route) {
      throw new HttpError(candidates.length > 0 ? 405 : 404, 'route_not_found', 'No route');
    }
    const match = route.regex.exec(url.pathname) as RegExpExecArray;
    const pathParameters = Object.fromEntries(route.names.map((n, i) => [n, decodePath(match[i + 1] ?? '')]));
    const body = await readBody(req, 2 * 1024 * 1024);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
    const now = Date.now();
    const requestId = randomUUID();
    const event: APIGatewayProxyEventV2 = {
      version: '2.0',
      routeKey: route.key,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(route.names.length ? { pathParameters } : {}),
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? '127.0.0.1',
        domainPrefix: 'local',
        http: {
          method,
          path: url.pathname,
          protocol: `HTTP/${req.httpVersion}`,
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: route.key,
        stage: '$default',
        time: new Date(now).toUTCString(),
        timeEpoch: now,
      },
      ...(body.length
        ? { body: body.toString('base64'), isBase64Encoded: true }
        : { isBase64Encoded: false }),
    };
    const context = { awsRequestId: requestId, functionName: `karguzar-${route.group}` } as Context;
    const { result, ms, dbMs, dbCalls } = await timed(() => handlers[route.group](event, context));
    const answer: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers ?? {})) answer[name] = String(value);
    // As API Gateway does: a base64 proxy body is sent as the bytes it encodes (files).
    const payload = result.isBase64Encoded
      ? Buffer.from(result.body ?? '', 'base64')
      : Buffer.from(result.body ?? '');
    // As CloudFront's /api/* behaviour does (Compress: true): JSON answers compressed per Accept-Encoding.
    const timing = [
      { name: 'app', ms },
      { name: 'db', ms: dbMs, description: `${dbCalls} calls` },
    ];
    res.setHeader('server-timing', serverTiming(timing));
    await sendCompressible(
      req,
      res,
      result.statusCode ?? 200,
      { ...SECURITY_HEADERS, ...answer },
      payload,
      async (coding) => {
        const started = performance.now();
        const compressed = await compress(payload, coding);
        res.setHeader(
          'server-timing',
          serverTiming([...timing, { name: coding, ms: performance.now() - started }]),
        );
        return compressed;
      },
    );
  }

  async function web(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const rel = normalize(decodePath(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(webRoot, rel);
    if (!file.startsWith(webRoot)) file = join(webRoot, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(webRoot, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found (is the web app built? npm start builds it)');
        return;
      }
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${join(webRoot, '_next')}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    await staticFiles.send(req, res, file, status, {
      'content-type': type,
      'cache-control': cache,
      ...SECURITY_HEADERS,
    });
  }

  const server = createServer((req, res) => {
    let url = new URL('http://127.0.0.1/');
    void (async () => {
      try {
        // Only origin-form targets ("/path?query"); an absolute or malformed one is refused.
        const target = req.url ?? '/';
        if (!target.startsWith('/') || target.startsWith('//'))
          throw new HttpError(400, 'invalid_path', 'Malformed request target');
        url = new URL(target, 'http://127.0.0.1');
        if (url.pathname.startsWith('/api/')) await api(req, res, url);
        else if (url.pathname === '/oidc' || url.pathname.startsWith('/oidc/')) {
          if (!opts.oidc) throw new HttpError(404, 'route_not_found', 'No identity provider');
          opts.oidc(req, res);
        } else if (url.pathname.startsWith('/local/') && opts.local && (await opts.local(req, res, url))) {
          // handled
        } else await web(req, res, url);
      } catch (error) {
        if (!(error instanceof HttpError))
          logger.error('gateway', { error: (error as Error).message, path: url.pathname });
        if (!res.headersSent) sendProblem(req, res, error);
        else res.end();
      }
    })();
  });
  // An idle kept-alive connection stays open longer than any client keeps one (undici 4 s, browsers
  // and the SDK longer; AWS's load balancers 60 s): the server never closes a socket that a client
  // is reusing for its next request at that moment ("other side closed" on a loaded machine).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolvePromise());
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
