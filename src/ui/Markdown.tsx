import { useLayoutEffect, useRef } from 'preact/hooks';
import type { BlockRenderer } from '../markdown/blocks';
import { frameBlocks, followOverflow, type FrameLabels } from './block-frames';
import { runInFrames } from './frame-budget';
import { waitAfterRender } from './render-spacing';
import { useMarkdown } from './markdown-loader';

interface MarkdownProps {
  source: string;
  /**
   * `streaming`: the text grows; render it block by block, text that came together at once.
   * `cut`: it stopped short (stopped, failed); show it as it stood, half-written syntax
   * settled (a lone `## ` is no empty heading). `done`: render exactly the whole reply.
   */
  progress: 'streaming' | 'cut' | 'done';
  /** Texts of the code blocks' and tables' frames. */
  labels: FrameLabels;
}

/**
 * A finished reply longer than this is shown this much at a time, as many slices a frame
 * as the frame's budget allows (see {@link runInFrames}): in one go, a long stored reply
 * would freeze the page while a conversation opens.
 */
const sliceLength = 1000;

/** A reply's markdown, rendered and sanitized; plain text for the moment the renderer loads. */
export function Markdown({ source, progress, labels }: MarkdownProps) {
  const markdown = useMarkdown();
  const container = useRef<HTMLDivElement>(null);
  const state = useRef<{
    patch: (blocks: readonly string[]) => void;
    renderer: BlockRenderer;
    /** Cancels the render scheduled (a slice, or streamed text), if one is. */
    cancelPending: (() => void) | undefined;
    isSlicing: boolean;
    /** When the next streamed render may run (`performance.now()`): see {@link waitAfterRender}. */
    nextRenderAt: number;
    labels: FrameLabels;
  } | null>(null);
  const latest = useRef(source);
  latest.current = source;

  useLayoutEffect(() => {
    const element = container.current;
    if (!markdown || !element) return;
    const isFirst = !state.current;
    // Frames in another language (the locale changed) are rendered again from scratch.
    if (!state.current || !isSameLabels(state.current.labels, labels)) {
      state.current?.cancelPending?.();
      element.textContent = '';
      state.current = {
        patch: markdown.createBlockPatcher(element, (fragment) => frameBlocks(fragment, labels)),
        renderer: markdown.createBlockRenderer(),
        cancelPending: undefined,
        isSlicing: false,
        nextRenderAt: 0,
        labels,
      };
    }
    const current = state.current;
    // The renderer never throws; were anything else to, the reply shows as text and
    // the error stays here, out of the host page's window.onerror.
    const show = (render: () => readonly string[]) => {
      try {
        current.patch(render());
      } catch (error) {
        console.error('[tinytalk-widget] A reply could not be rendered; it shows as plain text.', error);
        state.current = null;
        element.textContent = latest.current;
      }
    };
    if (current.isSlicing) {
      // The reply changed under its slices: render it anew below.
      current.cancelPending?.();
      current.cancelPending = undefined;
      current.isSlicing = false;
      element.removeAttribute('aria-busy');
    }
    if (progress === 'done' && isFirst && source.length > sliceLength) {
      const slices = markdown.renderSlices(source, sliceLength);
      const shown: string[] = [];
      current.isSlicing = true;
      // Assistive technology waits for the whole reply, and so can a test.
      element.setAttribute('aria-busy', 'true');
      const showSlice = () => {
        let isDone = false;
        show(() => {
          const slice = slices.next();
          if (slice.done) isDone = true;
          else shown.push(slice.value);
          return shown;
        });
        // Shown whole, or as text after a failure.
        if (!isDone && state.current === current) return false;
        current.cancelPending = undefined;
        current.isSlicing = false;
        element.removeAttribute('aria-busy');
        return true;
      };
      // From the next frame, which paints the panel opening with its first slices: the
      // panel's own first render is enough for the task that opens it.
      current.cancelPending = runInFrames(showSlice);
      return;
    }
    if (progress !== 'streaming') {
      current.cancelPending?.();
      current.cancelPending = undefined;
      show(() => (progress === 'done' ? current.renderer.finish(source) : current.renderer.update(source)));
      return;
    }
    // In a task of its own, not in the next frame's: on a slow phone the render and the
    // frame's layout and paint are each well under 50 ms, together a long task.
    if (current.cancelPending) return;
    const timer = setTimeout(
      () => {
        current.cancelPending = undefined;
        const start = performance.now();
        show(() => current.renderer.update(latest.current));
        const end = performance.now();
        current.nextRenderAt = end + waitAfterRender(end - start);
      },
      // A time already past (a negative delay) runs it at once.
      current.nextRenderAt - performance.now(),
    );
    current.cancelPending = () => clearTimeout(timer);
  }, [markdown, source, progress, labels]);

  useLayoutEffect(() => () => state.current?.cancelPending?.(), []);
  useLayoutEffect(() => (container.current ? followOverflow(container.current) : undefined), []);

  return (
    <div class={markdown ? 'markdown' : 'markdown plain'} dir="auto" ref={container}>
      {markdown ? null : source}
    </div>
  );
}

function isSameLabels(a: FrameLabels, b: FrameLabels): boolean {
  return a.copyCode === b.copyCode && a.copied === b.copied && a.table === b.table;
}
