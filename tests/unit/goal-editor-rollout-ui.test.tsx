// @vitest-environment jsdom
/**
 * The goal editor's 'Measured by the rollout' field (issue 13), rendered: the board's own steps come
 * from the roster once the field is used, choosing a step makes the goal measured in % and shows the
 * roles, and saving sends the goal's `rollout`.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalGoal, LocalGoalPatch } from '../../src/domain/plan';
import { BUILT_IN_STEPS } from '../../src/domain/roster';
import type { RosterSnapshot } from '../../src/domain/roster-port';
import { GoalEditor } from '../../src/features/plan/components/goal-editor';
import type { Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const AREA = { id: 'a1', planId: 'p', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] };
const STEPS = [...BUILT_IN_STEPS.map((s) => (s.id === 'klarAccess' ? { ...s, retired: true } : s)), { id: 'custom6', label: 'Tariffkurs', kind: 'manual' as const, retired: false }];
const SNAPSHOT: RosterSnapshot = { reps: [], steps: STEPS, stepProblems: [], facts: null, accountNames: new Map(), plan: null, updated: 0 };

function setup(goal: LocalGoal) {
  const updateGoal = vi.fn(async (id: string, patch: LocalGoalPatch) => ({ ...goal, ...patch, id }));
  const refresh = vi.fn(async () => SNAPSHOT);
  const services = {
    directory: { teamMembers: vi.fn(async () => []) },
    planRepository: () => ({ updateGoal }),
    roster: () => ({ refresh }),
    session: { today: () => '2026-05-04' },
  } as unknown as Services;
  const onClose = vi.fn();
  renderWithServices(<GoalEditor teamId="t" planId="p" mode={{ kind: 'edit', goal }} areas={[AREA]} goals={[goal]} onClose={onClose} />, services);
  return { updateGoal, refresh, onClose };
}

beforeAll(stubResizeObserver);

afterEach(() => cleanup());

describe('GoalEditor: measured by the rollout', () => {
  it('offers the roster’s steps once the field is used, and saves the chosen step and roles', async () => {
    const goal = makeGoal('1', { text: 'Alle KTV skal ha kurs i tariff', etag: '"1"' });
    const { updateGoal, refresh, onClose } = setup(goal);
    const dialog = await screen.findByRole('dialog');
    const select = within(dialog).getByRole('combobox', { name: 'Målt av utrullingen' }) as HTMLSelectElement;
    expect(refresh).not.toHaveBeenCalled();
    expect([...select.options].map((o) => o.text)).toEqual(['Ikke målt av utrullingen', 'Org365-konto', 'Medlem av teamet', 'Kurs i Teams', 'Tilgang til KL*AR', 'Kurs i KL*AR']);
    fireEvent.focus(select);
    await waitFor(() => expect([...select.options].map((o) => o.text)).toContain('Tariffkurs'));
    expect(refresh).toHaveBeenCalledWith('2026-05-04', { directory: false });
    expect([...select.options].map((o) => o.text)).not.toContain('Tilgang til KL*AR');

    await userEvent.selectOptions(select, 'custom6');
    expect((within(dialog).getByRole('combobox', { name: 'Måltype' }) as HTMLSelectElement).disabled).toBe(true);
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Klubbtillitsvalgt (KTV)' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith('saved'));
    expect(updateGoal).toHaveBeenCalledWith(
      '1',
      expect.objectContaining({ kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null }, rollout: { stepId: 'custom6', roles: ['ktv'] } }),
      { ifMatch: '"1"' },
    );
  });
});
