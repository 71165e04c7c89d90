import { describe, expect, it, vi } from 'vitest';
import { deferredTokenSource } from '../../src/app/services';
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
      await expect(getToken(['User.Read'])).rejects.toThrow('nested app authentication is not available');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('should pass on a failed token request of a signed-in source as it is', async () => {
    const getToken = deferredTokenSource(Promise.resolve(async () => Promise.reject(new Error('interaction required'))));
    await expect(getToken(['User.Read'])).rejects.toThrow('interaction required');
  });
});
