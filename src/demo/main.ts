// The demo page: the widget against the built-in demo agent (or any agent), with
// settings kept in the address bar and a picker that makes the demo agent fail.
import { FAULT_NAMES } from '../../e2e/agent/faults.ts';
import { mount, type WidgetHandle, type WidgetOptions } from '../index';

const settingsForm = document.querySelector<HTMLFormElement>('#settings')!;
const inlineHost = document.querySelector<HTMLElement>('#inline-host')!;
const faultPicker = document.querySelector<HTMLSelectElement>('#fault')!;
const faultStatus = document.querySelector<HTMLElement>('#fault-status')!;

const defaults = { botId: 'demo', apiBase: location.origin, apiKey: '', title: 'Tiny Talk demo', mode: 'floating', theme: 'auto', stream: 'on' };
type Settings = typeof defaults;

function readSettings(): Settings {
  const query = new URLSearchParams(location.search);
  const settings = { ...defaults };
  for (const name of Object.keys(defaults) as (keyof Settings)[]) settings[name] = query.get(name) ?? settings[name];
  return settings;
}

function fillForm(settings: Settings): void {
  for (const [name, value] of Object.entries(settings)) {
    const field = settingsForm.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === 'on';
    else if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

let widget: WidgetHandle | undefined;

function start(settings: Settings): void {
  widget?.destroy();
  const isInline = settings.mode === 'inline';
  inlineHost.hidden = !isInline;
  const options: WidgetOptions = {
    botId: settings.botId,
    apiBase: settings.apiBase,
    title: settings.title,
    theme: settings.theme as WidgetOptions['theme'],
    stream: settings.stream === 'on',
    welcomeMessage: 'Hi! I am the demo agent. Ask me anything, or pick a suggestion.',
    starters: ['What are your pricing plans?', 'How do I install the widget?', 'Which features do you have?'],
    ...(settings.apiKey && { apiKey: settings.apiKey }),
    ...(isInline && { target: inlineHost }),
  };
  widget = mount(options);
  faultPicker.disabled = settings.apiBase !== location.origin;
}

settingsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(settingsForm);
  const settings = { ...defaults, stream: 'off' };
  for (const [name, value] of data) if (name in settings) settings[name as keyof Settings] = String(value);
  history.replaceState(null, '', `?${new URLSearchParams(settings)}`);
  start(settings);
});

for (const fault of FAULT_NAMES) faultPicker.add(new Option(fault, fault));
document.querySelector('#arm-fault')!.addEventListener('click', () => {
  const { botId } = readSettings();
  const fault = faultPicker.value;
  fetch('/__agent/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ botId, fault }) })
    .then((response) => {
      faultStatus.textContent = response.ok ? `The next reply will fail with "${fault}".` : `The demo agent refused: ${response.status}.`;
    })
    .catch(() => {
      faultStatus.textContent = 'The demo agent could not be reached.';
    });
});

const settings = readSettings();
fillForm(settings);
start(settings);
