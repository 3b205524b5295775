import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { optionFields, type OptionName } from './option-fields';
import { chosenOptions, problemWith, type ChosenOption, type FieldValues } from './option-values';
import { elementOmissions, snippetFor, type SnippetFormat } from './snippets';

/** The playground's state: the form's fields, and what the widget and the snippets get from them. */
export interface PlaygroundModel {
  /** What each field shows, valid or not. */
  texts: ReadonlySignal<FieldValues>;
  /** What is wrong with each field that has a problem. */
  problems: ReadonlySignal<Partial<Record<OptionName, string>>>;
  /**
   * The last valid text of each field: what the widget, the snippets and the address bar
   * use, so that a half-typed JSON array does not empty the starters at every keystroke.
   */
  applied: ReadonlySignal<FieldValues>;
  /** The options that differ from the widget's defaults. */
  chosen: ReadonlySignal<ChosenOption[]>;
  format: ReadonlySignal<SnippetFormat>;
  /** The snippet of the chosen format for the chosen options. */
  snippet: ReadonlySignal<string>;
  /** Chosen options the current snippet cannot express. */
  omitted: ReadonlySignal<OptionName[]>;
  hasApiKey: ReadonlySignal<boolean>;
  setText(name: OptionName, text: string): void;
  setFormat(format: SnippetFormat): void;
  /** Back to the page's starting values. */
  reset(): void;
}

/**
 * `start` is what the page shows with no query string; `initial` what it opens with. The
 * snippets load the script from `scriptUrl`.
 */
export function createPlaygroundModel(start: FieldValues, initial: FieldValues, scriptUrl: string): PlaygroundModel {
  const texts = signal(initial);
  // A hand-edited link may hold invalid text: the field shows it, the widget keeps the start.
  const applied = signal(validOr(initial, start));
  const format = signal<SnippetFormat>('script');
  const chosen = computed(() => chosenOptions(applied.value));

  return {
    texts,
    problems: computed(() => problemsOf(texts.value)),
    applied,
    chosen,
    format,
    snippet: computed(() => snippetFor(format.value, chosen.value, scriptUrl)),
    omitted: computed(() => (format.value === 'element' ? elementOmissions(chosen.value) : [])),
    hasApiKey: computed(() => chosen.value.some(({ field }) => field.name === 'apiKey')),
    setText(name, text) {
      batch(() => {
        texts.value = { ...texts.value, [name]: text };
        applied.value = validOr(texts.value, applied.value);
      });
    },
    setFormat(next) {
      format.value = next;
    },
    reset() {
      batch(() => {
        texts.value = start;
        applied.value = start;
      });
    },
  };
}

function problemsOf(values: FieldValues): Partial<Record<OptionName, string>> {
  const problems: Partial<Record<OptionName, string>> = {};
  for (const field of optionFields) {
    const problem = problemWith(field, values[field.name]);
    if (problem !== undefined) problems[field.name] = problem;
  }
  return problems;
}

/** `values` where they are valid, else `fallback`'s. */
function validOr(values: FieldValues, fallback: FieldValues): FieldValues {
  const valid = { ...fallback };
  for (const field of optionFields)
    if (problemWith(field, values[field.name]) === undefined) valid[field.name] = values[field.name];
  return valid;
}
