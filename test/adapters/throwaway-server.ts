// A real HTTP server on port 0 for adapter tests: records every request, answers with a handler.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: CapturedRequest, res: ServerResponse, index: number) => void | Promise<void>;

export interface ThrowawayServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

export async function startServer(handler: Handler): Promise<ThrowawayServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(captured);
      void Promise.resolve(handler(captured, res, requests.length - 1)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Answers after `ms` unless the client went away first. */
export function sendLater(res: ServerResponse, ms: number, status: number, body: unknown): void {
  const timer = setTimeout(() => { if (!res.destroyed) sendJson(res, status, body); }, ms);
  res.on('close', () => clearTimeout(timer));
}
