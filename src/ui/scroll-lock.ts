import { useLayoutEffect } from 'preact/hooks';

/** Where the floating panel covers the whole screen: the phone layout of panel.css. */
const phoneQuery = '(max-width: 639px)';

/** What `overflow` sets, saved and put back one by one: a page's lone `overflow-y` survives too. */
const longhands = ['overflow-x', 'overflow-y'] as const;

// Shared by every widget on the page: the first lock saves the page's values, the last
// release puts them back; otherwise a second widget would save and restore our `hidden`.
let holders = 0;
let saved: { value: string; priority: string }[] = [];
let hadStyleAttribute = false;

/**
 * Stops the page behind from scrolling through the body's inline style, written through the
 * CSSOM, which a strict CSP allows. Touches no other property. Returns the release, which
 * does nothing the second time.
 */
function lockBodyScroll(): () => void {
  const { body } = document;
  const { style } = body;
  if (holders++ === 0) {
    hadStyleAttribute = body.hasAttribute('style');
    saved = longhands.map((name) => ({
      value: style.getPropertyValue(name),
      priority: style.getPropertyPriority(name),
    }));
    // Important, or a page's own `body { overflow: auto !important }` would win.
    style.setProperty('overflow', 'hidden', 'important');
  }
  let isHeld = true;
  return () => {
    if (!isHeld) return;
    isHeld = false;
    if (--holders > 0) return;
    longhands.forEach((name, index) => {
      const { value = '', priority = '' } = saved[index] ?? {};
      // setProperty keeps a declaration where it was in the attribute, so the page gets its style back as it was.
      if (value) style.setProperty(name, value, priority);
      else style.removeProperty(name);
    });
    // The CSSOM leaves an empty attribute behind; a body that had none gets none.
    if (!hadStyleAttribute && style.length === 0) body.removeAttribute('style');
  };
}

/**
 * While `isActive` and the viewport is phone-sized, the page behind the full-screen panel
 * does not scroll. Follows the viewport across the breakpoint, and lets go on unmount.
 */
export function useBodyScrollLock(isActive: boolean): void {
  // A layout effect: the lock comes in the frame the full-screen panel first paints.
  useLayoutEffect(() => {
    if (!isActive) return;
    const phone = window.matchMedia(phoneQuery);
    let release: (() => void) | undefined;
    function update(): void {
      if (phone.matches) {
        release ??= lockBodyScroll();
      } else {
        release?.();
        release = undefined;
      }
    }
    update();
    phone.addEventListener('change', update);
    return () => {
      phone.removeEventListener('change', update);
      release?.();
    };
  }, [isActive]);
}
