import type { ChatErrorInfo } from '../api/errors';
import { format, type Strings } from './strings';

/** What went wrong, in words a visitor understands; never the agent's raw answer. */
export function describeError(error: ChatErrorInfo, strings: Strings): string {
  switch (error.type) {
    case 'network':
      return strings.errorNetwork;
    case 'stream':
      return strings.errorStream;
    case 'cut':
      return strings.errorCut;
    case 'protocol':
      return strings.errorProtocol;
    case 'timeout':
      return strings.errorTimeout;
    case 'redirect':
      return strings.errorRedirect;
    case 'aborted':
      return strings.stopped;
    case 'http':
      return describeStatus(error, strings);
  }
}

function describeStatus({ status = 0, retryAfter }: ChatErrorInfo, strings: Strings): string {
  if (status === 400) return strings.errorBadRequest;
  if (status === 401) return strings.errorUnauthorized;
  if (status === 403) return strings.errorForbidden;
  if (status === 404) return strings.errorNotFound;
  if (status === 429) {
    return retryAfter ? format(strings.errorRateLimitedFor, { seconds: retryAfter }) : strings.errorRateLimited;
  }
  if (status >= 500) return strings.errorServer;
  return format(strings.errorHttp, { status });
}
