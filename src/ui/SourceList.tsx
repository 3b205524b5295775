import { isHttpUrl } from '../markdown/safe-url';
import type { Strings } from '../i18n/strings';
import type { CitedResource } from '../state/types';

interface SourceListProps {
  resources: readonly CitedResource[];
  strings: Strings;
  /** A chip was followed (click, Enter, middle click): the link opens all the same. */
  onOpen?: ((resource: CitedResource) => void) | undefined;
}

/** The pages a reply cited, as link chips: http(s) only, one per URL. */
export function SourceList({ resources, strings, onOpen }: SourceListProps) {
  const visible = visibleSources(resources);
  if (visible.length === 0) return null;
  return (
    <ul class="sources" role="list" aria-label={strings.sources}>
      {visible.map((resource) => (
        <li key={resource.url}>
          <a
            class="source"
            href={resource.url}
            target="_blank"
            rel="noopener noreferrer"
            title={resource.url}
            onClick={onOpen && (() => onOpen(resource))}
            onAuxClick={onOpen && ((event: MouseEvent) => event.button === 1 && onOpen(resource))}
          >
            {resource.title ?? new URL(resource.url).hostname}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Cited resources are untrusted: drop non-web URLs and repeats. */
export function visibleSources(resources: readonly CitedResource[]): CitedResource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    if (!isHttpUrl(resource.url) || seen.has(resource.url)) return false;
    seen.add(resource.url);
    return true;
  });
}
