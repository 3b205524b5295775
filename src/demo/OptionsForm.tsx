import { fieldGroups, optionFields } from './option-fields';
import { OptionControl } from './OptionControl';
import type { PlaygroundModel } from './playground-model';

/** Every option of the widget, in sections; each change shows at once. */
export function OptionsForm({ model }: { model: PlaygroundModel }) {
  const texts = model.texts.value;
  const problems = model.problems.value;
  return (
    // Nothing to submit: Enter in a field must not reload the page.
    <form class="card options" aria-labelledby="options-title" onSubmit={(event) => event.preventDefault()}>
      <div class="card-head">
        <h2 id="options-title">Options</h2>
        <button type="button" class="secondary" onClick={model.reset}>
          Reset
        </button>
      </div>
      <p class="hint">
        The widget follows every change. The address bar keeps them: share the link to share this widget.
      </p>
      {fieldGroups.map((group) => (
        <fieldset key={group.id}>
          <legend>{group.title}</legend>
          {optionFields
            .filter((field) => field.group === group.id)
            .map((field) => (
              <OptionControl
                key={field.name}
                field={field}
                text={texts[field.name]}
                problem={problems[field.name]}
                onChange={(text) => model.setText(field.name, text)}
              />
            ))}
        </fieldset>
      ))}
    </form>
  );
}
