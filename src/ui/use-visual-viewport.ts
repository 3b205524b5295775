import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * While `isActive`, keeps `--_viewport-top` and `--_viewport-height` on `element` equal to
 * the visual viewport's place in the layout viewport. An on-screen keyboard shrinks the
 * visual viewport only: `100dvh` and `position: fixed` still follow the layout viewport,
 * and would leave the composer under the keyboard. The properties go when it ends.
 */
export function useVisualViewport(element: RefObject<HTMLElement | null>, isActive: boolean): void {
  // A layout effect: the first frame of the full-screen panel already fits.
  useLayoutEffect(() => {
    const target = element.current;
    const viewport = window.visualViewport;
    if (!isActive || !target || !viewport) return;
    // Written through the CSSOM, which a strict CSP allows.
    const update = () => {
      target.style.setProperty('--_viewport-top', `${viewport.offsetTop}px`);
      target.style.setProperty('--_viewport-height', `${viewport.height}px`);
    };
    update();
    // The keyboard resizes it; iOS also scrolls it, to keep the focused field in view.
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      target.style.removeProperty('--_viewport-top');
      target.style.removeProperty('--_viewport-height');
    };
  }, [element, isActive]);
}
