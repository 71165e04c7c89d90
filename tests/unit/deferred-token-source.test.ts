import { describe, expect, it, vi } from 'vitest';
import { deferredTokenSource } from '../../src/app/services';
import { SignInError } from '../../src/auth/sign-in-error';
import { errorMessageKey } from '../../src/components/state-views';
import { createGraphClient } from '../../src/graph/client';
import type { TokenSource } from '../../src/graph/client';
import { deferred } from '../support/deferred';

describe('a token source handed out while sign-in is being set up', () => {
  it('should make token requests wait for sign-in, then answer each with its own scopes', async () => {
    const ready = deferred<TokenSource>();
    const getToken = deferredTokenSource(ready.promise);
    const first = getToken(['https://graph.microsoft.com/.default']);
    let settled = false;
    void first.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    ready.resolve(async (scopes) => `token for ${scopes.join(' ')}`);
    await expect(first).resolves.toBe('token for https://graph.microsoft.com/.default');
    await expect(getToken(['Sites.Selected'])).resolves.toBe('token for Sites.Selected');
  });

  it('should fail every token request with the error of a sign-in that could not be set up, and raise no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const ready = deferred<TokenSource>();
      const getToken = deferredTokenSource(ready.promise);
      ready.reject(new Error('nested app authentication is not available'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      await expect(getToken(['User.Read'])).rejects.toThrow('nested app authentication is not available');
      await expect(getToken(['User.Read'])).rejects.toBeInstanceOf(SignInError);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('should fail a token request of a signed-in source as a sign-in failure, with its reason', async () => {
    const getToken = deferredTokenSource(Promise.resolve(async () => Promise.reject(new Error('interaction required'))));
    await expect(getToken(['User.Read'])).rejects.toThrow('interaction required');
    await expect(getToken(['User.Read'])).rejects.toBeInstanceOf(SignInError);
  });

  it('should make a Graph read without a token say that sign-in failed, not that the network did', async () => {
    // No request is sent: the token comes first. The address is never reached.
    const graph = createGraphClient({
      baseUrl: 'https://127.0.0.1:9/v1.0',
      getToken: deferredTokenSource(Promise.reject(new Error('nested app authentication is not available'))),
    });
    const error = await graph.get('/me').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(errorMessageKey(error)).toBe('app.error.signIn');
    // A token source that answers leaves other failures as they were.
    expect(errorMessageKey(Object.assign(new Error('offline'), { status: 0 }))).toBe('app.error.network');
  });
});
