import { isHttpUrl } from '../markdown/safe-url';
import type { Strings } from '../i18n/strings';
import type { CitedResource } from '../state/types';
import { sourceLabel } from './source-label';

interface SourceListProps {
  resources: readonly CitedResource[];
  strings: Strings;
  /** A chip was followed (click, Enter, middle click): the link opens all the same. */
  onOpen?: ((resource: CitedResource) => void) | undefined;
}

/** The pages a reply cited, as link chips (deduplicated and cleaned as they arrived: see `parseCitedResources`). */
export function SourceList({ resources, strings, onOpen }: SourceListProps) {
  // The address becomes a live link here: check it once more, where it is used.
  const visible = resources.filter((resource) => isHttpUrl(resource.url));
  if (visible.length === 0) return null;
  return (
    <ul class="sources" role="list" aria-label={strings.sources}>
      {visible.map((resource) => (
        <li key={resource.url}>
          <SourceChip resource={resource} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

/** One chip; the host beside the title when the title names another (see {@link sourceLabel}). */
function SourceChip({ resource, onOpen }: { resource: CitedResource; onOpen: SourceListProps['onOpen'] }) {
  const { title, host } = sourceLabel(resource);
  return (
    <a
      class={host === undefined ? 'source' : 'source with-host'}
      href={resource.url}
      target="_blank"
      rel="noopener noreferrer"
      title={resource.url}
      onClick={onOpen && (() => onOpen(resource))}
      onAuxClick={onOpen && ((event: MouseEvent) => event.button === 1 && onOpen(resource))}
    >
      {host === undefined ? (
        title
      ) : (
        <>
          <span class="source-title">{title}</span> <span class="source-host">{host}</span>
        </>
      )}
    </a>
  );
}
