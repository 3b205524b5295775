import type { ReadonlySignal } from '@preact/signals';
import { EmbedCard } from './EmbedCard';
import { FaultsCard } from './FaultsCard';
import { inlineBoxId } from './option-fields';
import { OptionsForm } from './OptionsForm';
import type { PlaygroundModel } from './playground-model';

interface PlaygroundProps {
  model: PlaygroundModel;
  isScriptServed: ReadonlySignal<boolean | undefined>;
  /** The demo agent's address: this page's origin. */
  demoApiBase: string;
}

/** The page: the options on one side; the inline widget, the snippet and the demo agent's faults on the other. */
export function Playground({ model, isScriptServed, demoApiBase }: PlaygroundProps) {
  const { botId, apiBase, target } = model.applied.value;
  return (
    <>
      <OptionsForm model={model} />
      <div class="side">
        {/* The inline widget lives in here; Preact never renders children into it. */}
        <div id={inlineBoxId} class="inline-box" hidden={target === ''} />
        <EmbedCard model={model} isScriptServed={isScriptServed.value} />
        <FaultsCard botId={botId} isDemoAgent={apiBase === demoApiBase} />
      </div>
    </>
  );
}
