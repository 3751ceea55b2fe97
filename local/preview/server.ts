import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createPreviewApp, type PreviewAppOptions } from './app.ts';
import type { PreviewBackend } from './backend.ts';

export interface PreviewServerOptions extends PreviewAppOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the preview is for this machine only. */
  host?: string;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreviewServer(backend: PreviewBackend, options: PreviewServerOptions): Promise<PreviewServer> {
  const { port, host = '127.0.0.1', ...appOptions } = options;
  const app = await createPreviewApp(backend, { boundHost: host, ...appOptions });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () => new Promise<void>((done, fail) => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          server.close((error) => (error ? fail(error) : done()));
        }),
      });
    });
    server.once('error', reject);
  });
}
