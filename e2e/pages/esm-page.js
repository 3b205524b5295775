// The ESM build, imported the way an app imports the package.
import { mount } from 'tinytalk-widget';

const options = JSON.parse(new URLSearchParams(location.search).get('options') ?? '{}');
if (typeof options.target === 'string') options.target = options.target || undefined;
window.tinytalk = { mount };
window.widget = mount(options);
window.events = [];
for (const name of ['open', 'close', 'message', 'error']) {
  window.widget.on(name, (payload) => window.events.push({ name, payload }));
}
