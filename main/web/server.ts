import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { BROWSER_API_PREFIX, BROWSER_EVENTS_PATH } from '../../app/bridge.js';
import { refuseFromPage } from '../../app/channels.js';
import type { EventName, Events } from '../../app/contract.js';
import { dispatch, type HandlerContext, type Handlers } from '../../app/rpc.js';

/**
 * Browser mode: the built renderer and the same handler table over loopback HTTP. Bound to
 * 127.0.0.1 only; every API call needs the per-start token; the Host header must name this
 * server (a DNS-rebinding page would send its own host); no CORS headers are ever sent, so
 * other origins cannot read answers.
 */

const MAX_BODY = 256 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  // pdf.js's worker, loaded as a module script, which must be served as JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServerOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest request body in bytes (default 256 MB). */
  maxBody?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  server: Server;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const emit: HandlerContext['emit'] = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  const ctx: HandlerContext = { emit };

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const b = Buffer.from(given);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };
  const hostOk = (host: string | undefined): boolean => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = createServer((req, res) => {
    void route(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostOk(req.headers.host)) return sendText(res, 421, 'unexpected Host header');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === BROWSER_EVENTS_PATH) {
      if (req.method !== 'GET') return sendText(res, 405, 'method not allowed');
      if (!tokenOk(url.searchParams.get('token'))) return sendText(res, 401, 'missing or wrong token');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith(BROWSER_API_PREFIX)) {
      if (req.method !== 'POST') return sendText(res, 405, 'method not allowed');
      const auth = req.headers.authorization ?? '';
      if (!tokenOk(auth.startsWith('Bearer ') ? auth.slice(7) : null)) return sendText(res, 401, 'missing or wrong token');
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice(BROWSER_API_PREFIX.length));
      } catch {
        return sendJson(res, 200, { ok: false, error: { code: 'BAD_INPUT', message: 'the call name is not valid URL encoding' } });
      }
      let input: unknown;
      try {
        const body = await readBody(req, opts.maxBody ?? MAX_BODY);
        // a byte order mark is what some tools put before JSON: not part of it
        const text = body.toString('utf8').replace(/^\uFEFF/, '');
        input = text.length ? JSON.parse(text) : {};
      } catch (err) {
        const message = err instanceof BodyTooLarge ? err.message : 'the request body is not valid JSON';
        return sendJson(res, 200, { ok: false, error: { code: 'BAD_INPUT', message } });
      }
      const refused = refuseFromPage(channel);
      if (refused) return sendJson(res, 200, refused);
      return sendJson(res, 200, await dispatch(opts.handlers, channel, input, ctx));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    return serveStatic(opts.staticDir, url.pathname, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    server,
    emit,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class BodyTooLarge extends Error {}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;

/**
 * The request body, or BodyTooLarge once it passes maxBody. The rest of a body too large is read
 * and dropped rather than the connection reset, so the caller gets the answer saying why.
 */
function readBody(req: IncomingMessage, maxBody: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (size > maxBody ? reject(new BodyTooLarge(`the request is larger than ${megabytes(maxBody)}`)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return sendText(res, 400, 'bad path');
  }
  if (rel.includes('\0')) return sendText(res, 400, 'bad path');
  const base = normalize(root + sep);
  let file = normalize(join(root, rel));
  if (!file.startsWith(base) && file !== normalize(root)) return sendText(res, 403, 'forbidden');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return sendText(res, 503, 'the renderer is not built: run `npm run web`, which builds it first');
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
