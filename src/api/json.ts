/** Narrows parsed JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Error bodies come as `{message}` or `{error: {message}}` (or `{error: "..."}`). */
export function errorMessageOf(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  if (typeof json.message === 'string') return json.message;
  if (typeof json.error === 'string') return json.error;
  if (isRecord(json.error) && typeof json.error.message === 'string') return json.error.message;
  return undefined;
}
