// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadable } from '../../src/app/tab-views';
import type { TabViewProps } from '../../src/lib/navigation';

const props = { teamId: 't', teamName: 'Team', view: { name: 'plan' }, role: 'steward' } as unknown as TabViewProps;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

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
