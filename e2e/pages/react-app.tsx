/** @jsxImportSource react */
// The React page's app, written as a site would write it: routes switched on the client
// without a router library, the widget on two of them (the element in JSX, and mount() in
// an effect with destroy() in its cleanup) and on neither of the others. Development build
// and StrictMode, as developers run it: every effect is run, cleaned up and run again.
// Bundled by e2e/global-setup.ts; the package comes from the page's import map, as on the ESM page.
import type {} from 'tinytalk-widget/react';
import 'tinytalk-widget/element';
import { mount } from 'tinytalk-widget';
import { StrictMode, useEffect, useState, type MouseEvent } from 'react';
import { createRoot } from 'react-dom/client';

/** The agent, from the query string the test opens the app with; kept across routes. */
const query = new URLSearchParams(location.search);
const botId = query.get('bot-id') ?? '';
const apiBase = query.get('api-base') ?? undefined;

const routes = [
  { path: '/react/element', label: 'Chat: element' },
  { path: '/react/mount', label: 'Chat: mount()' },
  { path: '/react/about', label: 'About' },
];

function App() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const onPopState = () => setPath(location.pathname);
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const follow = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    event.preventDefault();
    history.pushState(null, '', `${to}${location.search}`);
    setPath(to);
  };
  return (
    <>
      <nav>
        {routes.map((route) => (
          <a key={route.path} href={`${route.path}${location.search}`} onClick={(event) => follow(event, route.path)}>
            {route.label}
          </a>
        ))}
      </nav>
      {path === '/react/element' && <ElementRoute />}
      {path === '/react/mount' && <MountRoute />}
      {path === '/react/about' && <p>About us: no chat here.</p>}
    </>
  );
}

function ElementRoute() {
  return (
    <section id="chat-box">
      <tinytalk-chat bot-id={botId} api-base={apiBase} chat-title="Ask us" />
    </section>
  );
}

function MountRoute() {
  // Floating over the page, the widget is no child of this route: only destroy() takes it away.
  useEffect(() => {
    const chat = mount({ botId, apiBase, title: 'Ask us', open: true });
    return () => chat.destroy();
  }, []);
  return <p>The chat floats over this page.</p>;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
