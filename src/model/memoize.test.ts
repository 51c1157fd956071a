import { describe, expect, it } from 'vitest';
import { memoize } from './memoize.ts';

describe('memoize', () => {
  it('computes each input once, undefined results included, and stops remembering at the limit', () => {
    const calls: string[] = [];
    const f = memoize((s: string) => {
      calls.push(s);
      return s === 'none' ? undefined : s.length;
    }, 2);
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'none']);
    f('xyz');
    f('xyz'); // past the limit of 2: computed again
    expect(calls).toEqual(['ab', 'none', 'xyz', 'xyz']);
  });
});
