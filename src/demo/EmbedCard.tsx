import { markdownChunkName, panelChunkName } from '../embed/chunk-names';
import { CopyButton } from './CopyButton';
import type { PlaygroundModel } from './playground-model';
import type { SnippetFormat } from './snippets';

const formats: readonly { value: SnippetFormat; label: string; about: string }[] = [
  { value: 'script', label: 'Script tag', about: 'Any page: one script, and the widget is there.' },
  { value: 'npm', label: 'npm', about: 'An app with a bundler, after npm install tinytalk-widget.' },
  { value: 'element', label: 'Custom element', about: 'The <tinytalk-chat> element, inline in a box your page sizes.' },
];

interface EmbedCardProps {
  model: PlaygroundModel;
  /** Whether the dev server has a build to serve at the snippets' script address; undefined until known. */
  isScriptServed: boolean | undefined;
}

/** The snippet that puts the widget shown here on another page, with a copy button. */
export function EmbedCard({ model, isScriptServed }: EmbedCardProps) {
  const format = model.format.value;
  const omitted = model.omitted.value;
  return (
    <section class="card embed" aria-labelledby="embed-title">
      <h2 id="embed-title">Embed it</h2>
      <fieldset class="formats">
        <legend>Embed with</legend>
        {formats.map(({ value, label }) => (
          <label key={value}>
            <input
              type="radio"
              name="format"
              value={value}
              checked={format === value}
              onChange={() => model.setFormat(value)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <p class="hint">{formats.find(({ value }) => value === format)?.about}</p>
      {model.hasApiKey.value && (
        <p class="warning">
          <strong>This snippet holds your API key.</strong> Anything in a page is public: every visitor can read the key
          and use it. Prefer a public agent, or a proxy of your own that adds the key (README, “API keys”).
        </p>
      )}
      <pre class="snippet">
        <code>{model.snippet.value}</code>
      </pre>
      <CopyButton text={model.snippet.value} label="Copy the snippet" />
      {omitted.length > 0 && (
        <p class="hint">Left out, as they only apply to a floating widget: {omitted.join(', ')}.</p>
      )}
      {format !== 'npm' && isScriptServed === false && (
        <p class="warning">
          The script address has nothing to serve yet: run <code>npm run build</code>, and the snippet works from any
          page.
        </p>
      )}
      {format !== 'npm' && (
        <p class="hint">
          The script comes from this dev server’s <code>dist/</code>. On your site, serve{' '}
          <code>tinytalk-widget.js</code>, <code>{panelChunkName}</code> and <code>{markdownChunkName}</code> side by
          side, and point <code>src</code> at the first.
        </p>
      )}
    </section>
  );
}
