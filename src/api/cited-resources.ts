import { isRecord } from './json';
import type { CitedResource } from './types';

/**
 * Keeps the well-formed entries of a `citedResources` value. The field is optional and
 * loosely specified, so anything else is dropped rather than failing the reply.
 */
export function parseCitedResources(value: unknown): CitedResource[] {
  if (!Array.isArray(value)) return [];
  const resources: CitedResource[] = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.url !== 'string') continue;
    const id = typeof entry.id === 'string' || typeof entry.id === 'number' ? String(entry.id) : entry.url;
    resources.push({
      id,
      url: entry.url,
      ...(typeof entry.title === 'string' && entry.title.trim() !== '' && { title: entry.title }),
      ...(typeof entry.type === 'string' && { type: entry.type }),
    });
  }
  return resources;
}
