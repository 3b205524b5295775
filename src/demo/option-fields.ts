// The playground's table of options: one entry per option of the widget. The form, the
// address bar, the live widget and the snippets are all built from it, so adding an
// option to the playground is adding one entry here.
import { attributeNames } from '../embed/attributes';
import { defaults } from '../options/defaults';
import type { WidgetOptions } from '../options/types';
import { locales } from '../i18n/locales/index';
import { englishStrings } from '../i18n/strings';

/** An option's name, as `mount()` takes it and the address bar keeps it. */
export type OptionName = keyof WidgetOptions;

/** How a field is edited, and how its text becomes the option's value. */
export type FieldKind = 'text' | 'url' | 'select' | 'boolean' | 'number' | 'json' | 'color';

/** The sections of the form. */
export type FieldGroup = 'agent' | 'words' | 'look' | 'behaviour';

export const fieldGroups: readonly { id: FieldGroup; title: string }[] = [
  { id: 'agent', title: 'Agent' },
  { id: 'words', title: 'Words and language' },
  { id: 'look', title: 'Look and placement' },
  { id: 'behaviour', title: 'Behaviour' },
];

/** One entry of a `select` field. */
export interface Choice {
  value: string;
  label: string;
}

/** One option of the widget, as the playground edits it. */
export interface OptionField {
  name: OptionName;
  /** Its attribute, `data-` prefixed on the script tag. */
  attribute: string;
  /** Its attribute on `<tinytalk-chat>`, where that differs. */
  elementAttribute: string;
  kind: FieldKind;
  group: FieldGroup;
  label: string;
  /**
   * The widget's own default, as the field's text (empty when the widget picks one by
   * itself). A field left empty or at its default is left out of the snippets: the widget
   * does the same without it.
   */
  default: string;
  /** A line under the field: what the option does, or the default the widget picks. */
  hint?: string;
  /** The entries of a `select` field. */
  choices?: readonly Choice[];
  /** What a `json` field holds: an array of strings, or an object of strings. */
  json?: 'list' | 'map';
  /** The only keys a `json: 'map'` field may have; any when absent. */
  keys?: readonly string[];
  isRequired?: boolean;
  /** Never written to the address bar: links get shared, and stay in histories and logs. */
  isSecret?: boolean;
  /** Has no effect on an inline widget, so the element snippet leaves it out. */
  isFloatingOnly?: boolean;
}

type FieldSpec = Omit<OptionField, 'name' | 'attribute' | 'elementAttribute' | 'default'> &
  Partial<Pick<OptionField, 'default'>>;

/**
 * A field whose attribute names and default come from the widget's own tables, so they
 * cannot drift; `spec.default` only where the field's text differs from the widget's default.
 */
function field(name: OptionName, spec: FieldSpec): OptionField {
  const attribute = attributeNames[name];
  // HTML's own `title` attribute would show as a tooltip over the element.
  return {
    name,
    attribute,
    elementAttribute: name === 'title' ? 'chat-title' : attribute,
    default: defaultText(name),
    ...spec,
  };
}

/** The widget's default for `name` as a field's text: JSON for lists and maps, empty when it has none. */
function defaultText(name: OptionName): string {
  if (!(name in defaults)) return '';
  const value = defaults[name as keyof typeof defaults];
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The id of the playground's inline box; `target` points at it, in the page and in the snippets. */
export const inlineBoxId = 'chat';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** Every option of the widget, in the order of the form and of the snippets. */
export const optionFields: readonly OptionField[] = [
  field('botId', {
    kind: 'text',
    group: 'agent',
    label: 'Bot id',
    isRequired: true,
    hint: 'The agent’s id (dashboard: Settings → General). The demo agent answers any id that starts with “demo”.',
  }),
  field('apiBase', {
    kind: 'url',
    group: 'agent',
    label: 'API base',
    hint: `Default ${defaults.apiBase}. This page’s own address is the built-in demo agent.`,
  }),
  field('apiKey', {
    kind: 'text',
    group: 'agent',
    label: 'API key',
    isSecret: true,
    hint: 'For private agents (the demo’s: ids starting with “private-”, key demo-secret-key). Kept out of the address bar; public once in a page.',
  }),
  field('model', {
    kind: 'text',
    group: 'agent',
    label: 'Model',
    hint: 'Default: the agent’s own. The demo agent has demo-fast and demo-smart.',
  }),
  field('stream', { kind: 'boolean', group: 'agent', label: 'Stream replies as they are written' }),
  field('sendCookies', {
    kind: 'boolean',
    group: 'agent',
    label: 'Send the site’s cookies',
    hint: 'Only to an API base on this page’s own origin: a proxy of yours that checks the session.',
  }),
  field('title', { kind: 'text', group: 'words', label: 'Title', hint: 'Default: “Chat”, in the widget’s language.' }),
  field('welcomeMessage', {
    kind: 'text',
    group: 'words',
    label: 'Welcome message',
    hint: 'Shown first; never sent to the agent.',
  }),
  field('starters', {
    kind: 'json',
    json: 'list',
    group: 'words',
    label: 'Starters',
    hint: 'Suggested first messages: a JSON array of strings.',
  }),
  field('greeting', {
    kind: 'text',
    group: 'words',
    label: 'Greeting',
    isFloatingOnly: true,
    hint: 'Shown beside the closed launcher after the delay, while the conversation is empty; opening it makes it the first message. Only for the floating widget.',
  }),
  field('greetingDelay', {
    kind: 'number',
    group: 'words',
    label: 'Greeting delay (ms)',
    isFloatingOnly: true,
    hint: 'How long after the page loads the greeting shows.',
  }),
  field('placeholder', {
    kind: 'text',
    group: 'words',
    label: 'Placeholder',
    hint: `Default: “${englishStrings.placeholder}”, in the widget’s language.`,
  }),
  field('locale', {
    kind: 'select',
    group: 'words',
    label: 'Language',
    choices: [
      { value: '', label: 'The page’s language' },
      ...Object.keys(locales).map((code) => ({ value: code, label: `${languageNames.of(code)} (${code})` })),
    ],
  }),
  field('strings', {
    kind: 'json',
    json: 'map',
    keys: Object.keys(englishStrings),
    group: 'words',
    label: 'Texts',
    default: '{}',
    hint: 'Replaces any text: a JSON object such as {"send": "Go"}; the keys are in src/i18n/strings.ts.',
  }),
  field('theme', {
    kind: 'select',
    group: 'look',
    label: 'Theme',
    choices: [
      { value: 'auto', label: 'Auto: the visitor’s system setting' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
  }),
  field('accentColor', {
    kind: 'color',
    group: 'look',
    label: 'Accent colour',
    hint: 'A CSS colour; anything else is ignored. Default: indigo.',
  }),
  field('avatar', {
    kind: 'url',
    group: 'look',
    label: 'Avatar',
    hint: 'URL of the agent’s image, for the launcher and the title.',
  }),
  field('target', {
    kind: 'select',
    group: 'look',
    label: 'Display',
    choices: [
      { value: '', label: 'Floating: a launcher in the corner' },
      { value: `#${inlineBoxId}`, label: 'Inline: in a box on the page' },
    ],
  }),
  field('position', {
    kind: 'select',
    group: 'look',
    label: 'Launcher corner',
    // Left unset, the widget picks the corner by the language.
    default: '',
    isFloatingOnly: true,
    hint: 'Only for the floating widget.',
    choices: [
      { value: '', label: 'Right (left in Arabic and Hebrew)' },
      { value: 'right', label: 'Right' },
      { value: 'left', label: 'Left' },
    ],
  }),
  field('open', {
    kind: 'boolean',
    group: 'look',
    label: 'Start with the panel open',
    isFloatingOnly: true,
    hint: 'Only for the floating widget.',
  }),
  field('persist', {
    kind: 'select',
    group: 'behaviour',
    label: 'Keep the conversation',
    choices: [
      { value: 'local', label: 'In this browser (localStorage)' },
      { value: 'session', label: 'In this tab (sessionStorage)' },
      { value: 'none', label: 'Nowhere: a reload starts over' },
    ],
  }),
  field('resume', {
    kind: 'boolean',
    group: 'behaviour',
    label: 'Resume a reply cut by a page load',
    hint: 'The next page of the site asks again for a reply the visitor left while it streamed.',
  }),
  field('replyTimeout', {
    kind: 'number',
    group: 'behaviour',
    label: 'Reply timeout (ms)',
    hint: 'How long to wait for a reply to start.',
  }),
  field('stallTimeout', {
    kind: 'number',
    group: 'behaviour',
    label: 'Stall timeout (ms)',
    hint: 'How long a started reply may pause.',
  }),
  field('context', {
    kind: 'json',
    json: 'map',
    group: 'behaviour',
    label: 'Context',
    hint: 'Your own tags for the session, handed back with every feedback event: a JSON object such as {"plan": "pro"}.',
  }),
];
