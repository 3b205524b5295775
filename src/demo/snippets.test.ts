// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { optionsFromAttributes } from '../embed/attributes';
import type { WidgetOptions } from '../options/types';
import { chosenOptions, defaultValues, widgetOptions, type FieldValues } from './option-values';
import { elementOmissions, snippetFor } from './snippets';

const scriptUrl = 'http://localhost:5173/dist/tinytalk-widget.js';

/** Text that breaks naive snippets: both quotes, markup, an ampersand, a line break. */
const hostile = `Say "hi" & <b>it's</b></script><!-- \\ \n end\u2028`;

function chosen(changes: Partial<FieldValues>) {
  return chosenOptions({ ...defaultValues(), botId: 'demo', ...changes });
}

/** The snippet as a browser parses it. */
function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The options the script tag gives the widget, read as the script-tag build reads them. */
function scriptTagOptions(html: string): Partial<WidgetOptions> {
  const script = parse(html).querySelector('script')!;
  return optionsFromAttributes((name) => script.getAttribute(`data-${name}`));
}

/** The options `<tinytalk-chat>` runs on, read as the element reads its attributes. */
function elementOptions(html: string): Partial<WidgetOptions> {
  const element = parse(html).querySelector('tinytalk-chat')!;
  return optionsFromAttributes((name) => element.getAttribute(name === 'title' ? 'chat-title' : name));
}

/** What the npm snippet passes to mount(), by running it with a stand-in. */
function mountedOptions(code: string): unknown {
  const [importLine, ...rest] = code.split('\n');
  expect(importLine).toBe("import { mount } from 'tinytalk-widget';");
  let options: unknown;
  new Function('mount', rest.join('\n'))((given: unknown) => (options = given));
  return options;
}

describe('with the default options', () => {
  test('the script tag has only its address and the bot id', () => {
    expect(snippetFor('script', chosen({}), scriptUrl)).toBe(
      `<script src="${scriptUrl}" data-bot-id="demo" defer></script>`,
    );
  });

  test('npm mounts with the bot id alone', () => {
    expect(snippetFor('npm', chosen({}), scriptUrl)).toBe(
      "import { mount } from 'tinytalk-widget';\n\nmount({ botId: 'demo' });",
    );
  });

  test('the element sits in a sized box, the script after it', () => {
    expect(snippetFor('element', chosen({}), scriptUrl)).toBe(
      `<div style="height: 600px">\n  <tinytalk-chat bot-id="demo"></tinytalk-chat>\n</div>\n<script src="${scriptUrl}" defer></script>`,
    );
  });
});

describe('every option and any text come through exactly', () => {
  const changes: Partial<FieldValues> = {
    botId: 'demo "x"',
    apiBase: 'http://localhost:5173/?a=1&b=2',
    title: hostile,
    welcomeMessage: hostile,
    starters: JSON.stringify([hostile, 'What does it cost?']),
    strings: JSON.stringify({ send: hostile }),
    stream: 'false',
    theme: 'dark',
    accentColor: '#0f766e',
    persist: 'session',
    replyTimeout: '45000',
    locale: 'fr',
  };
  const expected = widgetOptions(chosen(changes));

  test('in the script tag, as the widget reads its data attributes', () => {
    const options = scriptTagOptions(snippetFor('script', chosen(changes), scriptUrl));
    // Attributes are text: the widget checks and converts them as it resolves options.
    expect(options).toEqual({ ...expected, stream: 'false', replyTimeout: '45000' });
    expect(parse(snippetFor('script', chosen(changes), scriptUrl)).querySelector('script')!.src).toBe(scriptUrl);
  });

  test('in the element, as it reads its attributes', () => {
    expect(elementOptions(snippetFor('element', chosen(changes), scriptUrl))).toEqual({
      ...expected,
      stream: 'false',
      replyTimeout: '45000',
    });
  });

  test('in the npm snippet, as mount() receives them', () => {
    expect(mountedOptions(snippetFor('npm', chosen(changes), scriptUrl))).toEqual(expected);
  });

  test('in the npm snippet pasted into a script element, which its text cannot end', () => {
    const code = snippetFor('npm', chosen(changes), scriptUrl);
    const scripts = parse(`<script type="module">${code}</script><p>after</p>`).querySelectorAll('script');
    expect([...scripts].map((script) => script.text)).toEqual([code]);
  });
});

describe('formatting', () => {
  test('puts JSON attributes in single quotes, which read better, unless the JSON holds one', () => {
    expect(snippetFor('script', chosen({ starters: '["Hi", "Price?"]' }), scriptUrl)).toContain(
      `data-starters='["Hi","Price?"]'`,
    );
    expect(snippetFor('script', chosen({ starters: `["It's"]` }), scriptUrl)).toContain(
      'data-starters="[&quot;It\'s&quot;]"',
    );
  });

  test('writes booleans and numbers as the widget reads them', () => {
    const script = snippetFor('script', chosen({ open: 'true', stream: 'false', stallTimeout: '5000' }), scriptUrl);
    expect(script).toContain('data-stream="false"');
    expect(script).toContain('data-open="true"');
    expect(script).toContain('data-stall-timeout="5000"');
    expect(snippetFor('npm', chosen({ open: 'true', stallTimeout: '5000' }), scriptUrl)).toContain(
      "mount({ botId: 'demo', open: true, stallTimeout: 5000 });",
    );
  });

  test('puts one attribute or property per line when one line would be too long', () => {
    const many = chosen({
      title: 'Ask us anything',
      welcomeMessage: 'Hello there, how can we help you today?',
      theme: 'dark',
    });
    expect(snippetFor('script', many, scriptUrl)).toBe(
      [
        '<script',
        `  src="${scriptUrl}"`,
        '  data-bot-id="demo"',
        '  data-title="Ask us anything"',
        '  data-welcome-message="Hello there, how can we help you today?"',
        '  data-theme="dark"',
        '  defer',
        '></script>',
      ].join('\n'),
    );
    expect(snippetFor('npm', many, scriptUrl)).toBe(
      [
        "import { mount } from 'tinytalk-widget';",
        '',
        'mount({',
        "  botId: 'demo',",
        "  title: 'Ask us anything',",
        "  welcomeMessage: 'Hello there, how can we help you today?',",
        "  theme: 'dark',",
        '});',
      ].join('\n'),
    );
  });
});

describe('an inline widget', () => {
  const inline = chosen({ target: '#chat' });

  test('gets its box before the script tag', () => {
    const [box, ...script] = snippetFor('script', inline, scriptUrl).split('\n');
    expect(box).toBe('<div id="chat" style="height: 600px"></div>');
    expect(scriptTagOptions(script.join('\n'))).toEqual({ botId: 'demo', target: '#chat' });
  });

  test('renders into a box the npm snippet names', () => {
    expect(snippetFor('npm', inline, scriptUrl)).toBe(
      "import { mount } from 'tinytalk-widget';\n\n// The page holds the box to render into: <div id=\"chat\" style=\"height: 600px\"></div>\nmount({ botId: 'demo', target: '#chat' });",
    );
  });
});

test('the element snippet leaves out the floating widget’s options, and says which', () => {
  const floating = chosen({ position: 'left', open: 'true', theme: 'dark' });
  expect(snippetFor('element', floating, scriptUrl)).toContain(
    '<tinytalk-chat bot-id="demo" theme="dark"></tinytalk-chat>',
  );
  expect(elementOmissions(floating)).toEqual(['position', 'open']);
});
