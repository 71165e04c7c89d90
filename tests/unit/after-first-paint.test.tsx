// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAfterFirstPaint } from '../../src/hooks/use-after-first-paint';

function Probe({ ready }: { ready: boolean }) {
  const painted = useAfterFirstPaint(ready);
  return <p data-testid="state">{painted ? 'rest' : 'first'}</p>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('rendering the rest after the first paint', () => {
  it('should wait while there is nothing to show, then give the rest only after a frame has been painted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { rerender } = render(<Probe ready={false} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
    expect(screen.getByTestId('state').textContent).toBe('first');

    rerender(<Probe ready />);
    expect(screen.getByTestId('state').textContent).toBe('first');
    // The frame (16 ms with fake timers) and the task after it.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByTestId('state').textContent).toBe('rest');
  });

  it('should go on without a frame (a tab loading out of sight gets none), and never go back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 1);
    try {
      const { rerender } = render(<Probe ready />);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(50);
      });
      expect(screen.getByTestId('state').textContent).toBe('first');
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60);
      });
      expect(screen.getByTestId('state').textContent).toBe('rest');
      rerender(<Probe ready={false} />);
      expect(screen.getByTestId('state').textContent).toBe('rest');
    } finally {
      raf.mockRestore();
    }
  });
});
