import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkChatRequest, DEFAULT_MODEL } from './chat-request.ts';
import { createCompletionMeta } from './completion.ts';
import { CHAT_CORS_HEADERS } from './cors.ts';
import { sendFaultResponse } from './fault-responses.ts';
import type { FaultQueue } from './faults.ts';
import { errorBody, isRecord, parseJson, readBody, sendJson } from './http-io.ts';
import { sendJsonAnswer } from './json-answer.ts';
import { answerFor } from './knowledge-base.ts';
import type { RecordedRequest, RequestLog } from './request-log.ts';
import { streamAnswer } from './stream-answer.ts';
import { xssAnswer } from './xss-answer.ts';
import { HOSTILE_CITATIONS } from './hostile-citations.ts';

/** What the chat route shares with the rest of the agent. */
export interface ChatRouteOptions {
  faults: FaultQueue;
  requests: RequestLog;
  tokenDelayMs: number;
}

/** Creates the handler of `POST /v1/chat/completions`; it resolves once the response is over. */
export function createChatRoute({ faults, requests, tokenDelayMs }: ChatRouteOptions) {
  return async function handleChat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (text === undefined) {
      return sendJson(res, 413, errorBody('The request body is larger than 1 MB'), CHAT_CORS_HEADERS);
    }
    const body = parseJson(text);
    // Recorded before validation, so a test can see what a widget sent that the agent refused.
    if (isRecord(body) && typeof body.botId === 'string') {
      const recorded: RecordedRequest = { headers: { ...req.headers }, body, time: new Date().toISOString() };
      requests.record(body.botId, recorded);
      // 'close' comes after the end of a whole response, and as soon as a client gives up on one.
      res.once('close', () => {
        recorded.outcome = res.writableFinished ? 'answered' : 'disconnected';
      });
    }
    const check = checkChatRequest(body, req.headers);
    if (!check.ok) return sendJson(res, check.status, check.body, CHAT_CORS_HEADERS);

    const { request } = check;
    const fault = faults.take(request.botId);
    const headers = fault === 'no-cors' ? {} : CHAT_CORS_HEADERS;
    if (fault && sendFaultResponse(req, res, fault, headers)) return;
    const meta = createCompletionMeta(request.model ?? DEFAULT_MODEL);
    const answer = fault === 'xss' ? xssAnswer() : answerFor(request.messages);
    if (fault === 'hostile-citations') answer.citedResources = [...HOSTILE_CITATIONS];
    if (request.stream) await streamAnswer(res, meta, answer, { tokenDelayMs, fault, headers });
    else await sendJsonAnswer(res, meta, answer, { messages: request.messages, fault, headers });
  };
}
