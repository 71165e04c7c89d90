import { startTransition, useEffect, useState } from 'react';

/** How long a page waits for a frame before it goes on anyway (a tab loading out of sight gets none). */
const NO_FRAME_AFTER_MS = 100;

/**
 * False until the browser has painted a render in which `ready` was true, then true, set in a
 * transition. A screen renders what shows first (the top of a long list) and the rest once that
 * has been painted: React renders the rest in slices between frames and input, so the first screen
 * appears sooner and nothing blocks the page while the rest mounts (issue 16).
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      startTransition(() => setPainted(true));
    };
    let afterFrame = 0;
    // A task queued from an animation frame runs after that frame has been painted.
    const frame = requestAnimationFrame(() => {
      afterFrame = window.setTimeout(go, 0);
    });
    const fallback = window.setTimeout(go, NO_FRAME_AFTER_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(afterFrame);
      clearTimeout(fallback);
    };
  }, [ready, painted]);
  return painted;
}
