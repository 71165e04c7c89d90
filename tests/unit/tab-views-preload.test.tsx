// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadable, useViewCode, type PreloadableView } from '../../src/app/tab-views';
import type { TabViewProps } from '../../src/lib/navigation';
import { deferred } from '../support/deferred';

const props = { teamId: 't', teamName: 'Team', view: { name: 'plan' }, role: 'steward' } as unknown as TabViewProps;

const Screen = ({ teamName }: TabViewProps) => <p>screen of {teamName}</p>;

afterEach(cleanup);

describe('preloadable views', () => {
  it('renders a preloaded view at once, without a fallback', async () => {
    let loads = 0;
    const View = preloadable(async () => {
      loads++;
      return { default: Screen };
    });
    await View.preload();
    await View.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <View {...props} />
      </Suspense>,
    );
    // Synchronously, in the first commit: no fallback was ever shown.
    expect(screen.getByText('screen of Team')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
    expect(loads).toBe(1);
  });

  it('suspends a view whose code has not arrived, and shows it when it does', async () => {
    const module = deferred<{ default: typeof Screen }>();
    const View = preloadable(() => module.promise);
    render(
      <Suspense fallback={<p>loading</p>}>
        <View {...props} />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => module.resolve({ default: Screen }));
    expect(await screen.findByText('screen of Team')).toBeTruthy();
  });

  it('tries the download again after a failed preload', async () => {
    let attempts = 0;
    const View = preloadable(async () => {
      attempts++;
      if (attempts === 1) throw new Error('offline');
      return { default: Screen };
    });
    await expect(View.preload()).rejects.toThrow('offline');
    await View.preload();
    render(<View {...props} />);
    expect(screen.getByText('screen of Team')).toBeTruthy();
    expect(attempts).toBe(2);
  });
});

/** What a shell does with useViewCode: its own loading text until the code is in, never a Suspense fallback. */
function Shell({ view }: { view: PreloadableView }) {
  const ready = useViewCode(view);
  const View = view;
  return ready ? (
    <Suspense fallback={<p>fallback</p>}>
      <View {...props} />
    </Suspense>
  ) : (
    <p>own loading</p>
  );
}

describe('useViewCode', () => {
  it('waits for the code without suspending, then renders the view in one go', async () => {
    const module = deferred<{ default: typeof Screen }>();
    const View = preloadable(() => module.promise);
    const shown: string[] = [];
    const { container } = render(<Shell view={View} />);
    const record = () => shown.push(container.textContent ?? '');
    record();
    expect(View.isLoaded()).toBe(false);
    await act(async () => module.resolve({ default: Screen }));
    record();
    expect(shown).toEqual(['own loading', 'screen of Team']);
    expect(screen.queryByText('fallback')).toBeNull();
    expect(View.isLoaded()).toBe(true);
  });

  it('is ready at once for a view already loaded', async () => {
    const View = preloadable(async () => ({ default: Screen }));
    await View.preload();
    render(<Shell view={View} />);
    expect(screen.getByText('screen of Team')).toBeTruthy();
  });

  it('after a failed download renders the view, whose own load tries again', async () => {
    let attempts = 0;
    const second = deferred<{ default: typeof Screen }>();
    const View = preloadable(() => {
      attempts++;
      return attempts === 1 ? Promise.reject(new Error('offline')) : second.promise;
    });
    render(<Shell view={View} />);
    expect(screen.getByText('own loading')).toBeTruthy();
    // The failure hands over to React.lazy: a second download, shown through the Suspense fallback.
    expect(await screen.findByText('fallback')).toBeTruthy();
    expect(attempts).toBe(2);
    await act(async () => second.resolve({ default: Screen }));
    expect(await screen.findByText('screen of Team')).toBeTruthy();
  });
});
