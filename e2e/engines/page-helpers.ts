/**
 * What a test reads in the page, the same in every engine: the widget's shadow root,
 * elements by role and accessible name, what is visible, what has the focus. Runs in the
 * browser, sent as source text with every script (see `Tab.run`), so it must be one
 * self-contained function that uses nothing from this file or any other.
 */
export function pageHelpers() {
  /** Implicit roles of the elements the widget and its pages use; `role` wins over these. */
  const implicitRoles: Record<string, string> = {
    a: 'link',
    button: 'button',
    textarea: 'textbox',
    input: 'textbox',
    select: 'combobox',
    table: 'table',
    ul: 'list',
    ol: 'list',
    li: 'listitem',
    article: 'article',
    h1: 'heading',
    h2: 'heading',
    h3: 'heading',
    h4: 'heading',
  };
  const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

  const helpers = {
    /** The first widget's shadow root; a test's page has one widget. */
    root(): ShadowRoot {
      const root = document.querySelector('tinytalk-chat')?.shadowRoot;
      if (!root) throw new Error('no <tinytalk-chat> with a shadow root on the page');
      return root;
    },
    /** Elements matching `selector` in the widget's shadow root. */
    all(selector: string, scope: ParentNode = helpers.root()): Element[] {
      return [...scope.querySelectorAll(selector)];
    },
    one(selector: string, scope: ParentNode = helpers.root()): Element | null {
      return scope.querySelector(selector);
    },
    role(element: Element): string {
      const explicit = element.getAttribute('role');
      if (explicit) return explicit;
      if (element.localName === 'section' && element.hasAttribute('aria-label')) return 'region';
      return implicitRoles[element.localName] ?? element.localName;
    },
    /** The accessible name, as far as the widget needs: aria-label, aria-labelledby, or the text. */
    name(element: Element): string {
      const label = element.getAttribute('aria-label');
      if (label !== null) return label.trim();
      const labelledBy = element.getAttribute('aria-labelledby');
      if (labelledBy) {
        const root = element.getRootNode() as Document | ShadowRoot;
        return labelledBy
          .split(/\s+/)
          .map((id) => text(root.getElementById(id)))
          .join(' ');
      }
      return text(element);
    },
    /** Elements of `role`, named exactly `name` when given, under `scope`. */
    byRole(role: string, name?: string, scope: ParentNode = helpers.root()): Element[] {
      return [...scope.querySelectorAll('*')].filter(
        (element) => helpers.role(element) === role && (name === undefined || helpers.name(element) === name),
      );
    },
    isVisible(element: Element | null | undefined): boolean {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    },
    text,
    /** Every turn but the welcome message, oldest first. */
    turns(): Element[] {
      return helpers.all('[data-role]:not([data-welcome])');
    },
    replies(): Element[] {
      return helpers.all('[data-role="assistant"]:not([data-welcome])');
    },
    userTurns(): string[] {
      return helpers.all('[data-role="user"]').map(text);
    },
    lastReply(): Element | undefined {
      return helpers.all('[data-role="assistant"]').at(-1);
    },
    /** `data-status` of the latest reply: `streaming`, `done`, `stopped`, `error`. */
    lastStatus(): string | null | undefined {
      return helpers.lastReply()?.getAttribute('data-status');
    },
    /**
     * What has the focus, down through shadow roots, as `role name` (`button Copy`,
     * `textbox Message`); `page` when nothing in the page is focused.
     */
    focused(): string {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      if (!element || element === document.body) return 'page';
      return `${helpers.role(element)} ${helpers.name(element)}`;
    },
    /**
     * Scrolls `element` into view and gives the viewport point at its centre, for a real
     * click there; refuses, as a visitor could not click it, when it is hidden, disabled
     * or covered by something else.
     */
    clickPoint(element: Element | null | undefined): { x: number; y: number } {
      if (!element || !helpers.isVisible(element)) throw new Error('not visible');
      if ((element as HTMLButtonElement).disabled) throw new Error('disabled');
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = element.getBoundingClientRect();
      const x = Math.round(box.left + box.width / 2);
      const y = Math.round(box.top + box.height / 2);
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      if (!hit || !(element === hit || element.contains(hit))) throw new Error(`covered by <${hit?.localName}>`);
      return { x, y };
    },
  };
  return helpers;
}

/** The helpers a script in the page receives as its first argument. */
export type PageHelpers = ReturnType<typeof pageHelpers>;
