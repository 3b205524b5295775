import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FaultName } from './faults.ts';
import { errorBody, sendJson } from './http-io.ts';

interface StatusFault {
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

// Both body forms the real API uses, so the widget's error reading is tested on each.
const STATUS_FAULTS: Partial<Record<FaultName, StatusFault>> = {
  '400': { status: 400, body: errorBody('The conversation is too long for this agent') },
  '401': { status: 401, body: { message: 'Unauthorized' } },
  '403': { status: 403, body: errorBody('This agent has been disabled by its owner') },
  '404': { status: 404, body: { message: 'Agent not found' } },
  '429': { status: 429, body: errorBody('Rate limit exceeded'), headers: { 'Retry-After': '3' } },
  '500': { status: 500, body: { message: 'Internal server error' } },
  '503': { status: 503, body: errorBody('The service is temporarily unavailable, please try again') },
};

const HTML_ERROR_PAGE = [
  '<!doctype html>',
  '<html><head><title>502 Bad Gateway</title></head>',
  '<body><h1>Bad Gateway</h1><p>The upstream server returned an invalid response.</p></body></html>',
].join('\n');

/** The same address on the other name of this machine: another origin that the agent also answers on. */
function otherOrigin(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost';
  const other = host.startsWith('localhost')
    ? host.replace('localhost', '127.0.0.1')
    : host.replace(/^[^:]+/, 'localhost');
  return `http://${other}${req.url ?? '/'}`;
}

/**
 * Answers a fault that replaces the whole reply: an error status, a redirect, or the
 * HTML page a misconfigured proxy sends with a 200. Returns `false`, writing nothing,
 * for the other faults.
 */
export function sendFaultResponse(
  req: IncomingMessage,
  res: ServerResponse,
  fault: FaultName,
  headers: OutgoingHttpHeaders,
): boolean {
  if (fault === 'redirect') {
    res.writeHead(307, { ...headers, Location: otherOrigin(req) }).end();
    return true;
  }
  if (fault === 'html') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HTML_ERROR_PAGE);
    return true;
  }
  const statusFault = STATUS_FAULTS[fault];
  if (!statusFault) return false;
  sendJson(res, statusFault.status, statusFault.body, { ...headers, ...statusFault.headers });
  return true;
}
