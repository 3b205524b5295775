import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createChatRoute } from './chat-route.ts';
import { createControlRoutes } from './control-routes.ts';
import {
  CHAT_CORS_HEADERS,
  CHAT_PREFLIGHT_HEADERS,
  CONTROL_CORS_HEADERS,
  CONTROL_PREFLIGHT_HEADERS,
  sendNoContent,
} from './cors.ts';
import { createFaultQueue } from './faults.ts';
import { errorBody, sendJson } from './http-io.ts';
import { createRequestLog } from './request-log.ts';

/** How the demo agent behaves. */
export interface DemoAgentOptions {
  /** ms between streamed chunks; default 20 */
  tokenDelayMs?: number;
}

/** A local stand-in for the Tiny Talk API, mountable in front of any Node HTTP handler. */
export interface DemoAgent {
  /** Handles the request if it is one of the agent's routes; resolves false (touching nothing) otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

interface Route {
  handlers: Partial<Record<string, RouteHandler>>;
  /** CORS headers of the route's error responses. */
  cors: OutgoingHttpHeaders;
}

/**
 * Creates the demo agent: `POST /v1/chat/completions` as the real API speaks
 * it, plus the `/__agent/faults` and `/__agent/requests` routes through which
 * end-to-end tests make it misbehave and read what the widget sent. The Vite
 * dev server and the Playwright test server both mount the same agent.
 */
export function createDemoAgent(options: DemoAgentOptions = {}): DemoAgent {
  const faults = createFaultQueue();
  const requests = createRequestLog();
  const chat = createChatRoute({ faults, requests, tokenDelayMs: options.tokenDelayMs ?? 20 });
  const control = createControlRoutes({ faults, requests });

  // Matched on the pathname alone, so the agent can sit in front of a dev server
  // and tests can add query strings freely.
  const routes = new Map<string, Route>([
    [
      '/v1/chat/completions',
      {
        handlers: { OPTIONS: (_req, res) => sendNoContent(res, CHAT_PREFLIGHT_HEADERS), POST: chat },
        cors: CHAT_CORS_HEADERS,
      },
    ],
    [
      '/__agent/faults',
      {
        handlers: {
          OPTIONS: (_req, res) => sendNoContent(res, CONTROL_PREFLIGHT_HEADERS),
          POST: control.armFault,
          DELETE: (_req, res, url) => control.clearFaults(url, res),
        },
        cors: CONTROL_CORS_HEADERS,
      },
    ],
    [
      '/__agent/requests',
      {
        handlers: {
          OPTIONS: (_req, res) => sendNoContent(res, CONTROL_PREFLIGHT_HEADERS),
          GET: (_req, res, url) => control.listRequests(url, res),
        },
        cors: CONTROL_CORS_HEADERS,
      },
    ],
  ]);

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://demo-agent.invalid');
      const route = routes.get(url.pathname);
      if (!route) return false;
      const handler = route.handlers[req.method ?? ''];
      try {
        if (handler) await handler(req, res, url);
        else {
          const allow = Object.keys(route.handlers).join(', ');
          sendJson(res, 405, errorBody('Method not allowed'), { ...route.cors, Allow: allow });
        }
      } catch {
        // Most likely the client went away while sending its body: nobody is left to answer.
        if (res.headersSent || res.destroyed) res.destroy();
        else sendJson(res, 500, errorBody('The demo agent failed'), route.cors);
      }
      return true;
    },
  };
}
