/**
 * A token the tab could not get: sign-in could not be set up, or MSAL refused (a blocked popup, a
 * consent not given). Every token request of the tab fails with this (app/services.ts,
 * `deferredTokenSource`), so the views can say that sign-in failed instead of blaming the network.
 * The Graph SDK turns an error thrown by its authentication provider into its own GraphError with
 * the error's name as the code; `isSignInFailure` recognises both.
 */
export class SignInError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'SignInError';
  }
}

export function isSignInFailure(error: unknown): boolean {
  if (error instanceof SignInError) return true;
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SignInError';
}
