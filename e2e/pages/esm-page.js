// The ESM build, imported the way an app imports the package.
import { mount } from 'tinytalk-widget';

const options = JSON.parse(new URLSearchParams(location.search).get('options') ?? '{}');
if (typeof options.target === 'string') options.target = options.target || undefined;
window.tinytalkEsm = { mount };
window.widget = mount(options);
// Every event, heard both ways: through the handle and as DOM events on the element.
window.events = [];
window.domEvents = [];
for (const name of [
  'open',
  'close',
  'message:start',
  'message:delta',
  'message',
  'error',
  'citation:click',
  'feedback',
]) {
  window.widget.on(name, (payload) => window.events.push({ name, payload }));
  window.widget.element.addEventListener(name, (event) => window.domEvents.push({ name, payload: event.detail }));
}
