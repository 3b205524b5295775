import { describe, expect, it } from 'vitest';
import { waitAfterRender } from './render-spacing';

describe('waitAfterRender', () => {
  it('waits 24 times a render of a millisecond or two: on a fast machine, text moves at the pacer step', () => {
    expect(waitAfterRender(2)).toBe(48);
  });

  it('spaces the renders of a slow phone further apart, so that they leave the page most of its main thread', () => {
    expect(waitAfterRender(40)).toBe(960);
  });

  it('never holds a growing reply back for more than two seconds, however slow one render was', () => {
    expect(waitAfterRender(400)).toBe(2000);
    expect(waitAfterRender(5000)).toBe(2000);
  });
});
