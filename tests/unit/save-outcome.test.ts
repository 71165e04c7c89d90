import { describe, expect, it } from 'vitest';
import { AccessDeniedError, ConflictError, NotFoundError } from '../../src/domain/ports';
import { GraphRequestError } from '../../src/graph/errors';
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

  it('should say denied when the lists refuse the person (403), whether translated by the repository or not', async () => {
    const never = async () => {
      throw new Error('must not read the stored version');
    };
    expect(await saveErrorOutcome(new AccessDeniedError('goal', '1'), never)).toEqual({ kind: 'denied' });
    expect(await saveErrorOutcome(new GraphRequestError(403, 'accessDenied', 'Access denied'), never)).toEqual({ kind: 'denied' });
    expect(await saveErrorOutcome(new GraphRequestError(401, 'InvalidAuthenticationToken', 'x'), never)).toEqual({ kind: 'failed' });
    expect(await saveErrorOutcome({ status: '403' }, never)).toEqual({ kind: 'failed' });
  });

  it('should name the entity and id in the domain errors', () => {
    expect(new ConflictError('goal', '7')).toMatchObject({ name: 'ConflictError', entity: 'goal', id: '7', message: 'goal 7 was changed by someone else' });
    expect(new NotFoundError('goal', '7')).toMatchObject({ name: 'NotFoundError', message: 'goal 7 no longer exists' });
    expect(new AccessDeniedError('goal', '7')).toMatchObject({ name: 'AccessDeniedError', message: 'Not allowed to change goal 7' });
  });
});
