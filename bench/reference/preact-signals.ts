// The reference the widget's load cost is compared with: Preact and signals alone,
// rendering one button into a shadow root, built as the script tag is (see bench.ts).
import { signal } from '@preact/signals';
import { h, render } from 'preact';

const isOpen = signal(false);

function Launcher() {
  return h(
    'button',
    { type: 'button', 'aria-expanded': isOpen.value, onClick: () => (isOpen.value = !isOpen.value) },
    'Open chat',
  );
}

const host = document.createElement('div');
document.body.append(host);
render(h(Launcher, null), host.attachShadow({ mode: 'open' }));
