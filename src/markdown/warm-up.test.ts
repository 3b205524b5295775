// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { warmUpSteps } from './warm-up';

describe('warmUpSteps', () => {
  it('warms marked and DOMPurify up in several steps, each of which runs on its own without throwing', () => {
    const steps = warmUpSteps();
    expect(steps.length).toBeGreaterThan(1);
    for (const step of steps) expect(step).not.toThrow();
  });
});
