import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * On every chat response. `Retry-After` is exposed because browsers hide
 * non-safelisted headers of cross-origin responses, and the widget reads it
 * after a 429.
 */
export const CHAT_CORS_HEADERS: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

/**
 * The chat preflight answer. It allows exactly the headers the real API allows,
 * so a widget that starts sending any other header fails here as it would in
 * production.
 */
export const CHAT_PREFLIGHT_HEADERS: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, accept, api-key',
  'Access-Control-Max-Age': '600',
};

/** On every response of the `/__agent/*` routes that tests use to steer the agent. */
export const CONTROL_CORS_HEADERS: OutgoingHttpHeaders = { 'Access-Control-Allow-Origin': '*' };

/** The preflight answer of the `/__agent/*` routes. */
export const CONTROL_PREFLIGHT_HEADERS: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type',
  'Access-Control-Max-Age': '600',
};

/** Ends the response as an empty 204 with `headers`. */
export function sendNoContent(res: ServerResponse, headers: OutgoingHttpHeaders): void {
  res.writeHead(204, headers);
  res.end();
}
