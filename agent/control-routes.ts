import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTROL_CORS_HEADERS, sendNoContent } from './cors.ts';
import { isFaultName, type FaultQueue } from './faults.ts';
import { errorBody, isRecord, parseJson, readBody, sendJson } from './http-io.ts';
import type { RequestLog } from './request-log.ts';

/** What the control routes steer and report on. */
export interface ControlRoutesOptions {
  faults: FaultQueue;
  requests: RequestLog;
}

/** The `/__agent/*` routes through which tests arm faults and read what the widget sent. */
export interface ControlRoutes {
  /** `POST /__agent/faults` with `{botId, fault, times?}`. */
  armFault(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `DELETE /__agent/faults?botId=x`. */
  clearFaults(url: URL, res: ServerResponse): void;
  /** `GET /__agent/requests?botId=x`. */
  listRequests(url: URL, res: ServerResponse): void;
}

// Enough for any test; a bound keeps a typo such as 1e9 from filling memory.
const MAX_TIMES = 1000;

/** Creates the control routes over the agent's fault queue and request log. */
export function createControlRoutes({ faults, requests }: ControlRoutesOptions): ControlRoutes {
  const badRequest = (res: ServerResponse, message: string) =>
    sendJson(res, 400, errorBody(message), CONTROL_CORS_HEADERS);
  const botIdOf = (url: URL) => url.searchParams.get('botId');

  return {
    async armFault(req, res) {
      const text = await readBody(req);
      const body = text === undefined ? undefined : parseJson(text);
      if (!isRecord(body) || typeof body.botId !== 'string') return badRequest(res, 'botId is required');
      const { botId, fault, times = 1 } = body;
      if (!isFaultName(fault)) return badRequest(res, `Unknown fault ${JSON.stringify(fault)}`);
      if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
        return badRequest(res, `times must be an integer from 1 to ${MAX_TIMES}`);
      }
      faults.arm(botId, fault, times);
      sendNoContent(res, CONTROL_CORS_HEADERS);
    },
    clearFaults(url, res) {
      const botId = botIdOf(url);
      if (botId === null) return badRequest(res, 'botId is required');
      faults.clear(botId);
      sendNoContent(res, CONTROL_CORS_HEADERS);
    },
    listRequests(url, res) {
      const botId = botIdOf(url);
      if (botId === null) return badRequest(res, 'botId is required');
      sendJson(res, 200, requests.list(botId), CONTROL_CORS_HEADERS);
    },
  };
}
