// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { englishStrings } from '../i18n/strings';
import { createBlockPatcher } from './block-patcher';

/** A patcher over a fresh container. */
function setup() {
  const container = document.createElement('div');
  return { container, patch: createBlockPatcher(container, englishStrings) };
}

/** The container's nodes, to compare by identity. */
const nodesOf = (container: HTMLElement) => [...container.childNodes];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createBlockPatcher', () => {
  test('renders the blocks in order', () => {
    const { container, patch } = setup();
    patch(['<h2>Plans</h2>', '<p>Two <b>plans</b>.</p>']);
    expect(container.innerHTML).toBe('<h2>Plans</h2><p>Two <b>plans</b>.</p>');
  });

  test('keeps the nodes of the blocks that did not change, and replaces the one that did in its place', () => {
    const { container, patch } = setup();
    patch(['<h2>Plans</h2>', '<p>Two</p>', '<p>Bye</p>']);
    const [heading, , last] = nodesOf(container);
    patch(['<h2>Plans</h2>', '<p>Two plans.</p>', '<p>Bye</p>']);
    expect(container.innerHTML).toBe('<h2>Plans</h2><p>Two plans.</p><p>Bye</p>');
    const after = nodesOf(container);
    expect(after[0]).toBe(heading);
    expect(after[2]).toBe(last);
  });

  test('adds blocks after the last one as a reply grows', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>']);
    const [first] = nodesOf(container);
    patch(['<p>One</p>', '<ul><li>two</li></ul>', '<p>Three</p>']);
    expect(container.innerHTML).toBe('<p>One</p><ul><li>two</li></ul><p>Three</p>');
    expect(container.firstChild).toBe(first);
  });

  test('removes the blocks past the end of a shorter list', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', '<p>Two</p>', '<p>Three</p>']);
    patch(['<p>One</p>']);
    expect(container.innerHTML).toBe('<p>One</p>');
    patch([]);
    expect(container.childNodes).toHaveLength(0);
  });

  test('places a block of several nodes, and replaces all of them when it changes', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', 'text <b>and</b> more', '<p>End</p>']);
    expect(container.childNodes).toHaveLength(5);
    patch(['<p>One</p>', '<p>Now one node</p>', '<p>End</p>']);
    expect(container.innerHTML).toBe('<p>One</p><p>Now one node</p><p>End</p>');
  });

  test('leaves the container alone when nothing changed', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', '<p>Two</p>']);
    const before = nodesOf(container);
    patch(['<p>One</p>', '<p>Two</p>']);
    expect(nodesOf(container).every((node, index) => node === before[index])).toBe(true);
  });

  test('shows the words as plain text when the page refuses the HTML (Trusted Types enforced, no policy)', () => {
    // As an enforcing browser does when a string reaches an HTML sink.
    vi.spyOn(HTMLTemplateElement.prototype, 'innerHTML', 'set').mockImplementation(() => {
      throw new TypeError("This document requires 'TrustedHTML' assignment.");
    });
    const { container, patch } = setup();
    patch(['<p>Nine &amp; five &lt;3</p>', '<ul><li>one</li><li>two</li></ul>']);
    expect(container.querySelector('*')).toBeNull();
    expect(container.textContent).toBe('Nine & five <3\none\ntwo\n\n');
  });
});
