import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/domain/ports';
import { saveErrorOutcome } from '../../src/lib/save-outcome';

describe('saveErrorOutcome', () => {
  it('should offer the stored version on a conflict, and say gone when it no longer exists', async () => {
    expect(await saveErrorOutcome(new ConflictError('goal', '1'), async () => ({ id: '1', text: 'theirs' }))).toEqual({ kind: 'conflict', latest: { id: '1', text: 'theirs' } });
    expect(await saveErrorOutcome(new ConflictError('goal', '1'), async () => null)).toEqual({ kind: 'gone' });
    expect(await saveErrorOutcome(new ConflictError('goal', '1'), async () => Promise.reject(new Error('offline')))).toEqual({ kind: 'failed' });
  });

  it('should say gone for a deleted item and failed for anything else', async () => {
    expect(await saveErrorOutcome(new NotFoundError('goal', '1'), async () => null)).toEqual({ kind: 'gone' });
    expect(await saveErrorOutcome(new Error('boom'), async () => null)).toEqual({ kind: 'failed' });
  });
});
