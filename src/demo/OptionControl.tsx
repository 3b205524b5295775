import type { OptionField } from './option-fields';

interface OptionControlProps {
  field: OptionField;
  text: string;
  problem: string | undefined;
  onChange: (text: string) => void;
}

/** The widget's own accent, for the colour picker while the field is empty or not a hex colour. */
const defaultAccent = '#4338ca';

/** One option of the form: its label, the control its kind needs, its hint and its problem. */
export function OptionControl({ field, text, problem, onChange }: OptionControlProps) {
  const id = `option-${field.name}`;
  const describedBy = [field.hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  const common = { id, 'aria-describedby': describedBy || undefined, 'aria-invalid': problem ? true : undefined };
  const input = (event: { currentTarget: { value: string } }) => onChange(event.currentTarget.value);

  return (
    <div class="field">
      <div class="field-head">
        {field.kind === 'boolean' ? (
          <label class="check">
            <input
              type="checkbox"
              {...common}
              checked={text === 'true'}
              onChange={(event) => onChange(String(event.currentTarget.checked))}
            />
            {field.label}
          </label>
        ) : (
          <label for={id}>{field.label}</label>
        )}
        <code class="option-name">{field.name}</code>
      </div>
      {(field.kind === 'text' || field.kind === 'url') && (
        <input
          type="text"
          inputMode={field.kind === 'url' ? 'url' : undefined}
          {...common}
          value={text}
          required={field.isRequired}
          autocomplete="off"
          spellcheck={false}
          onInput={input}
        />
      )}
      {field.kind === 'number' && (
        <input type="number" {...common} value={text} min={1} step={1000} inputMode="numeric" onInput={input} />
      )}
      {field.kind === 'select' && (
        <select {...common} value={text} onChange={input}>
          {field.choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
      {field.kind === 'json' && (
        <textarea
          {...common}
          value={text}
          rows={Math.min(8, Math.max(3, text.split('\n').length))}
          spellcheck={false}
          onInput={input}
        />
      )}
      {field.kind === 'color' && (
        <div class="color-row">
          <input
            type="color"
            aria-label={`Pick the ${field.label.toLowerCase()}`}
            value={/^#[0-9a-f]{6}$/i.test(text) ? text : defaultAccent}
            onInput={input}
          />
          <input
            type="text"
            {...common}
            value={text}
            placeholder={defaultAccent}
            autocomplete="off"
            spellcheck={false}
            onInput={input}
          />
        </div>
      )}
      {field.hint && (
        <p id={`${id}-hint`} class="hint">
          {field.hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} class="problem">
          {problem}
        </p>
      )}
    </div>
  );
}
