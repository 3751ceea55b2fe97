// DNS-rebinding and cross-site protection for the local servers (emulator, card preview).
// - Host: only localhost, 127.0.0.1, [::1] and the host the server is bound to. A page on
//   evil.example whose DNS name re-points at 127.0.0.1 sends `Host: evil.example`: refused.
// - Origin (and Sec-Fetch-Site) on every state-changing request: a browser page from another
//   origin can send a "simple" text/plain POST without a preflight; it is refused here.
// Server-side clients (the api-client, curl) send no Origin and pass. A server bound to a
// wildcard address (0.0.0.0, ::) cannot know its public names, so only Origin is checked there
// (the emulator command warns loudly about such a binding).
import type { MiddlewareHandler } from 'hono';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host name of a Host header value ("127.0.0.1:3000" → "127.0.0.1", "[::1]:80" → "[::1]"). */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

export function isAllowedHost(hostHeader: string, boundHost: string): boolean {
  const name = hostName(hostHeader);
  const bound = boundHost.toLowerCase();
  if (WILDCARD.has(bound)) return true;
  return LOOPBACK.has(name) || name === bound || name === `[${bound}]`;
}

export interface GuardFailure { status: 403; message: string }

/** Why a request must be refused, or null. `boundHost` is the address the server listens on. */
export function checkRequest(method: string, headers: Headers, boundHost: string): GuardFailure | null {
  const host = headers.get('host');
  // In-process requests (app.request in tests) carry no Host header; every HTTP/1.1 client sends one.
  if (host !== null && !isAllowedHost(host, boundHost)) {
    return { status: 403, message: `Host "${hostName(host).slice(0, 100)}" is not this local server; use http://127.0.0.1 or http://localhost.` };
  }
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (headers.get('sec-fetch-site') === 'cross-site') return { status: 403, message: 'Cross-site requests may not change anything here.' };
  const origin = headers.get('origin');
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { status: 403, message: 'Requests from an opaque or invalid Origin may not change anything here.' };
  }
  // Same origin means the page came from this very server (same host and port as the Host header).
  if (host !== null ? originHost.toLowerCase() !== host.trim().toLowerCase() : !isAllowedHost(originHost, boundHost)) {
    return { status: 403, message: 'Requests from another origin may not change anything here.' };
  }
  return null;
}

/** Hono middleware applying checkRequest; `render` shapes the refusal like the server's other errors. */
export function hostGuard(boundHost: string, render: (failure: GuardFailure) => Response): MiddlewareHandler {
  return async (c, next) => {
    const failure = checkRequest(c.req.method, c.req.raw.headers, boundHost);
    if (failure) return render(failure);
    await next();
  };
}
