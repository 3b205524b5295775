// The playground: every option of the widget in a form, the widget on this page following
// it, and the snippet that puts the same widget on another page. It talks to the built-in
// demo agent by default; the options are kept in the address bar.
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { queryFor, valuesFrom } from './address-bar';
import { inlineBoxId } from './option-fields';
import { defaultValues, type FieldValues } from './option-values';
import { Playground } from './Playground';
import { createPlaygroundModel } from './playground-model';
import { createWidgetPreview } from './widget-preview';

/** What the page shows with no query string: the widget's defaults, talking to the demo agent. */
const start: FieldValues = {
  ...defaultValues(),
  botId: 'demo',
  apiBase: location.origin,
  title: 'Tiny Talk demo',
  welcomeMessage: 'Hi! I am the demo agent. Ask me anything, or pick a suggestion.',
  starters: JSON.stringify(
    ['What are your pricing plans?', 'How do I install the widget?', 'Which features do you have?'],
    null,
    2,
  ),
};

/** The dev server serves the build here (see serve-build.ts): the snippets work from any page. */
const scriptUrl = new URL('/dist/tinytalk-widget.js', location.origin).href;

const model = createPlaygroundModel(start, valuesFrom(new URLSearchParams(location.search), start), scriptUrl);
const isScriptServed = signal<boolean | undefined>(undefined);
render(
  <Playground model={model} isScriptServed={isScriptServed} demoApiBase={location.origin} />,
  document.querySelector('#playground')!,
);

fetch(scriptUrl, { method: 'HEAD' }).then(
  (response) => (isScriptServed.value = response.ok),
  () => (isScriptServed.value = false),
);

const preview = createWidgetPreview(document.getElementById(inlineBoxId)!);
preview.show(model.chosen.value);
// Typing pauses before the widget follows: not a new widget at every keystroke.
let timer: ReturnType<typeof setTimeout> | undefined;
effect(() => {
  const chosen = model.chosen.value;
  const query = queryFor(model.applied.value, start);
  clearTimeout(timer);
  timer = setTimeout(() => {
    preview.show(chosen);
    history.replaceState(null, '', query || location.pathname);
  }, 300);
});
