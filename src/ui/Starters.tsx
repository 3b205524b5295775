import type { Strings } from '../i18n/strings';

/** Suggested first messages; choosing one sends it. */
export function Starters({
  starters,
  strings,
  onPick,
}: {
  starters: readonly string[];
  strings: Strings;
  onPick: (text: string) => void;
}) {
  return (
    <ul class="starters" role="list" aria-label={strings.suggestions}>
      {starters.map((starter) => (
        <li key={starter}>
          <button type="button" class="starter" onClick={() => onPick(starter)}>
            {starter}
          </button>
        </li>
      ))}
    </ul>
  );
}
