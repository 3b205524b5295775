import type { IncomingHttpHeaders } from 'node:http';

/** A chat request as the agent received it, for tests to inspect what the widget sent. */
export interface RecordedRequest {
  /** The request headers; Node has already lower-cased their names. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: unknown;
  /** When the request arrived, as an ISO 8601 string. */
  time: string;
  /**
   * How the response ended: `answered` to its end, or `disconnected` when the client went
   * away first (the widget aborted the request). Absent while the response is still going.
   */
  outcome?: 'answered' | 'disconnected';
}

/** The last chat requests of each agent id. */
export interface RequestLog {
  /** Adds a request to the log of `botId`, dropping the oldest beyond the limit. */
  record(botId: string, request: RecordedRequest): void;
  /** The recorded requests of `botId`, oldest first. */
  list(botId: string): RecordedRequest[];
}

/** Creates a log that keeps the last `limit` requests per agent id, so a long dev session stays small. */
export function createRequestLog(limit = 50): RequestLog {
  const logs = new Map<string, RecordedRequest[]>();
  return {
    record(botId, request) {
      const log = logs.get(botId) ?? [];
      log.push(request);
      if (log.length > limit) log.splice(0, log.length - limit);
      logs.set(botId, log);
    },
    list(botId) {
      return [...(logs.get(botId) ?? [])];
    },
  };
}
