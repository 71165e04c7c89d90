// @vitest-environment jsdom
/**
 * A representative's own rollout checklist on My goals (features/my-goals/own-checklist.tsx,
 * issue 13): which steps show and who says they are done, confirming and withdrawing one's own
 * confirmation, the board's marks read-only, nothing for someone not on the roster.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessDeniedError } from '../../src/domain/ports';
import { BUILT_IN_STEPS, type DirectoryFacts, type Representative, type RolloutStep } from '../../src/domain/roster';
import type { RosterPort, RosterSnapshot } from '../../src/domain/roster-port';
import { checklistItems, confirmErrorKey, OwnChecklist } from '../../src/features/my-goals/own-checklist';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

const ME = 'ola-entra-id';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ktv', area: 'KS', workplace: 'Alver', entraId: null, marks: {}, seen: {}, retired: false, ...over };
}

const STEPS: RolloutStep[] = [
  ...BUILT_IN_STEPS.map((s) => (s.id === 'klarAccess' ? { ...s, retired: true } : s)),
  { id: 'custom6', label: 'Kurs i tariff', kind: 'manual', retired: false },
];

const OLA = rep('ola', {
  name: 'Ola Nesse',
  entraId: ME,
  marks: { teamsTraining: { on: '2026-03-02', by: 'board' }, custom6: { on: '2026-04-01', by: 'self' } },
});
const FACTS: DirectoryFacts = { accounts: new Map([['ola', ME]]), members: new Set<string>() };

describe('checklist logic', () => {
  it('lists the steps not retired: the tenant’s read-only, the board’s read-only, one’s own to undo, the rest to confirm', () => {
    expect(checklistItems(OLA, STEPS, FACTS).map((i) => [i.step.id, i.done, i.source, i.on, i.action])).toEqual([
      ['org365', true, 'tenant', null, null],
      ['team', false, 'tenant', null, null],
      ['teamsTraining', true, 'board', '2026-03-02', null],
      ['klarTraining', false, 'none', null, 'confirm'],
      ['custom6', true, 'self', '2026-04-01', 'undo'],
    ]);
  });

  it('follows the stored state when the tenant could not be read', () => {
    const items = checklistItems({ ...OLA, seen: { team: '2026-01-01' } }, BUILT_IN_STEPS, null);
    expect(items.slice(0, 2).map((i) => i.done)).toEqual([true, true]);
  });

  it('translates a refusal and any other failure', () => {
    expect(confirmErrorKey(new AccessDeniedError('roster', 'x'))).toBe('ownChecklist.error.denied');
    expect(confirmErrorKey(new Error('x'))).toBe('ownChecklist.error.failed');
  });
});

const snapshotOf = (reps: Representative[]): RosterSnapshot => ({ reps, steps: STEPS, stepProblems: [], facts: FACTS, accountNames: new Map(), plan: null, updated: 0 });

function setup(port: Partial<RosterPort>) {
  const services = {
    roster: () => port as RosterPort,
    session: { today: () => '2026-05-04', user: { id: ME, userPrincipalName: 'ola@example.org', displayName: 'Ola' } },
    directory: { me: vi.fn(async () => ({ id: ME, displayName: 'Ola Nesse' })) },
  } as unknown as Services;
  return renderWithServices(<OwnChecklist teamId="team-1" />, services);
}

beforeAll(stubResizeObserver);

afterEach(() => cleanup());

describe('OwnChecklist', () => {
  it('shows nothing for someone who is not on the roster (or only as a retired representative)', async () => {
    const refresh = vi.fn(async () => snapshotOf([rep('x', { entraId: 'someone-else' }), { ...OLA, retired: true }]));
    const { container } = setup({ refresh });
    await waitFor(() => expect(refresh).toHaveBeenCalledWith('2026-05-04', { directory: false }));
    expect(container.querySelector('[data-testid="own-checklist"]')).toBeNull();
  });

  it('confirms a step and withdraws one’s own confirmation, reading the roster again after each', async () => {
    let reps = [OLA];
    const refresh = vi.fn(async () => snapshotOf(reps));
    const confirmOwn = vi.fn(async (stepId: string, on: string | null) => {
      reps = [{ ...OLA, marks: { ...OLA.marks, ...(on ? { [stepId]: { on, by: 'self' as const } } : {}) } }];
      if (on === null) reps = [{ ...OLA, marks: { teamsTraining: { on: '2026-03-02', by: 'board' } } }];
    });
    setup({ refresh, confirmOwn });
    const section = await screen.findByRole('region', { name: 'Min sjekkliste for utrullingen' });
    const list = within(section).getByRole('list', { name: 'Stegene i utrullingen' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-step'))).toEqual(['org365', 'team', 'teamsTraining', 'klarTraining', 'custom6']);
    expect(items[0]?.textContent).toContain('Org365-konto: Gjort');
    expect(items[0]?.textContent).toContain('Oppdateres automatisk fra Microsoft 365.');
    expect(items[1]?.textContent).toContain('Medlem av teamet: Ikke gjort');
    expect(items[2]?.textContent).toContain('Registrert av styret');
    expect(within(items[2] as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(items[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(items[4]?.textContent).toContain('Kurs i tariff: Gjort');

    await userEvent.click(within(items[3] as HTMLElement).getByRole('button', { name: 'Jeg har gjort dette' }));
    expect(await within(section).findByText('«Kurs i KL*AR» er markert som gjort.')).toBeTruthy();
    expect(confirmOwn).toHaveBeenCalledWith('klarTraining', '2026-05-04');
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(section.querySelector('[data-step="klarTraining"]')?.getAttribute('data-done')).toBe('true'));

    const custom = section.querySelector('[data-step="custom6"]') as HTMLElement;
    await userEvent.click(within(custom).getByRole('button', { name: 'Angre' }));
    expect(confirmOwn).toHaveBeenLastCalledWith('custom6', null);
    await waitFor(() => expect(section.querySelector('[data-step="custom6"]')?.getAttribute('data-done')).toBe('false'));
  });

  it('says so when the confirmation is refused', async () => {
    const refresh = vi.fn(async () => snapshotOf([OLA]));
    const confirmOwn = vi.fn(async () => Promise.reject(new AccessDeniedError('roster', 'x')));
    setup({ refresh, confirmOwn });
    const section = await screen.findByRole('region', { name: 'Min sjekkliste for utrullingen' });
    await userEvent.click(within(section).getByRole('button', { name: 'Jeg har gjort dette' }));
    expect(await within(section).findByText('Du har ikke tilgang til å bekrefte steg i dette teamet.')).toBeTruthy();
  });
});
