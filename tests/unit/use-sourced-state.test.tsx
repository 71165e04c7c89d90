// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSourcedState } from '../../src/hooks/use-sourced-state';

describe('useSourcedState', () => {
  it('should follow fresh server data while untouched, and keep the user\'s edit after that', () => {
    const { result, rerender } = renderHook(({ source }) => useSourcedState(source), { initialProps: { source: { channel: '' } } });
    expect(result.current[0]).toEqual({ channel: '' });
    // The plan restored from the cache is replaced by the fresh one: an untouched form follows.
    rerender({ source: { channel: 'styret' } });
    expect(result.current[0]).toEqual({ channel: 'styret' });
    // The user picks another channel; a later refresh must not throw their choice away.
    act(() => result.current[1]({ channel: 'general' }));
    rerender({ source: { channel: 'annen' } });
    expect(result.current[0]).toEqual({ channel: 'general' });
  });
});
