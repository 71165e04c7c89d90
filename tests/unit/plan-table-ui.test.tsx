// @vitest-environment jsdom
/**
 * The plan table's inline edits, rendered (issue 14): the board's status change is saved through
 * the goal update with the eTag the board saw as If-Match, the row keeps the focus and the table
 * shows what is stored; someone else's newer version opens the conflict dialog (overwrite saves
 * again over their eTag, reload shows theirs); a refused or failed save says so in the user's
 * language and keeps the choice to try again; owners are picked in a popover; stewards read.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { planProgress } from '../../src/domain/overview';
import type { LocalGoal, LocalGoalPatch, PlanSnapshot } from '../../src/domain/plan';
import { AccessDeniedError, ConflictError, type TeamMember } from '../../src/domain/ports';
import { PlanTable } from '../../src/features/plan/table/plan-table';
import type { GroupBy, TableSort } from '../../src/features/plan/table/table-model';
import { usePlan } from '../../src/hooks/use-plan';
import type { Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const TODAY = '2026-05-04';
const KARI: TeamMember = { id: 'kari-id', displayName: 'Kari Eide', email: 'kari@example.org', role: 'board' };
const OLA: TeamMember = { id: 'ola-id', displayName: 'Ola Nesse', role: 'steward' };

const verve = makeGoal('1', { text: 'Verve 40 nye medlemmer', areaId: 'a1', etag: '"1"', owners: [{ id: OLA.id, displayName: OLA.displayName }], due: '2027-06' });
const mote = makeGoal('2', { text: 'Fire medlemsmøter', areaId: 'a1', etag: '"7"', due: '2026-12-31' });

function snapshotWith(goals: LocalGoal[]): PlanSnapshot {
  return {
    plan: { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' },
    areas: [{ id: 'a1', planId: 'p', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] }],
    goals,
    checkIns: [],
    situation: [],
    comments: [],
    issues: [],
  };
}

/** A repository whose goals change as saved (a new eTag each time), and whose update can be made to fail. */
function services(goals: LocalGoal[] = [verve, mote]) {
  let stored = goals;
  let version = 10;
  const updateGoal = vi.fn(async (id: string, patch: LocalGoalPatch, _options: { ifMatch: string | null }): Promise<LocalGoal> => {
    const goal = stored.find((g) => g.id === id);
    if (!goal) throw new Error('no goal');
    const saved = { ...goal, ...patch, etag: `"${(version += 1)}"` } as LocalGoal;
    stored = stored.map((g) => (g.id === id ? saved : g));
    return saved;
  });
  const getGoal = vi.fn(async (id: string) => stored.find((g) => g.id === id) ?? null);
  const value = {
    directory: { teamMembers: vi.fn(async () => [KARI, OLA]) },
    planRepository: () => ({ load: async () => snapshotWith(stored), updateGoal, getGoal }),
    session: { today: () => TODAY, user: { id: KARI.id, userPrincipalName: 'kari', displayName: 'Kari Eide' } },
  } as unknown as Services;
  /** Someone else saves first: the store then holds their version. */
  const theirs = (id: string, change: Partial<LocalGoal>) => {
    stored = stored.map((g) => (g.id === id ? { ...g, ...change, etag: '"99"', modifiedBy: 'Sigurd Mjelde' } : g));
  };
  return { value, updateGoal, getGoal, theirs };
}

/** The table as the Plan screen shows it: over the plan in the query cache, sort and grouping held by the page. */
function Harness({ isBoard = true, initialGroup = 'none' }: { isBoard?: boolean; initialGroup?: GroupBy }) {
  const plan = usePlan('t');
  const [sort, setSort] = useState<TableSort>({ column: 'area', direction: 'ascending' });
  const [groupBy, setGroupBy] = useState<GroupBy>(initialGroup);
  if (!plan.data) return null;
  return (
    <PlanTable
      teamId="t"
      goals={plan.data.goals}
      areas={plan.data.areas}
      progress={planProgress(plan.data, TODAY)}
      isBoard={isBoard}
      sort={sort}
      groupBy={groupBy}
      onSort={setSort}
      onGroupBy={setGroupBy}
    />
  );
}

/**
 * A dialog that traps focus (the conflict dialog, the owner picker's popover). jsdom has no layout,
 * so Tabster finds no visible control in it to focus and, with the rows' owner popovers mounted,
 * leaves it marked aria-hidden; hence `hidden: true` and the title found as text here.
 * tests/e2e/plan-table.spec.ts checks both by role and name as Chromium shows them.
 */
async function dialogTitled(role: 'alertdialog' | 'dialog', title: string): Promise<HTMLElement> {
  const dialogs = await screen.findAllByRole(role, { hidden: true });
  const dialog = dialogs.find((d) => within(d).queryByText(title) !== null);
  if (!dialog) throw new Error(`no ${role} titled ${title}`);
  return dialog;
}
const conflictDialog = () => dialogTitled('alertdialog', 'Noen andre har endret dette målet');
const dialogButton = (dialog: HTMLElement, name: string) => within(dialog).getByRole('button', { name, hidden: true });

const statusBox = (goal: string) => screen.findByRole('combobox', { name: `Status for «${goal}»` });

async function chooseStatus(goal: string, option: string) {
  const box = await statusBox(goal);
  await userEvent.click(box);
  await userEvent.click(await screen.findByRole('option', { name: option }));
  return box;
}

beforeAll(stubResizeObserver);
afterEach(() => cleanup());

describe('the board changes a status in the table', () => {
  it('saves it with the eTag the board saw as If-Match, shows it, and keeps the focus on the row', async () => {
    const s = services();
    renderWithServices(<Harness />, s.value);
    const box = await chooseStatus('Verve 40 nye medlemmer', 'Forsinket');
    await waitFor(() => expect(s.updateGoal).toHaveBeenCalledTimes(1));
    expect(s.updateGoal).toHaveBeenCalledWith('1', { status: 'behind' }, { ifMatch: '"1"' });
    const row = box.closest('tr') as HTMLElement;
    await waitFor(() => expect(row.getAttribute('data-status')).toBe('behind'));
    expect(await screen.findByText('Statusen for «Verve 40 nye medlemmer» er lagret: Forsinket.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(box));
    // The next change starts from the stored version's eTag.
    await chooseStatus('Verve 40 nye medlemmer', 'Beregnet: Ikke startet');
    await waitFor(() => expect(s.updateGoal).toHaveBeenCalledTimes(2));
    expect(s.updateGoal.mock.calls[1]?.[1]).toEqual({ status: null });
    expect(s.updateGoal.mock.calls[1]?.[2]).toEqual({ ifMatch: '"11"' });
  });

  it('meets someone else’s newer version: the conflict dialog; overwrite saves again over their eTag', async () => {
    const s = services();
    s.updateGoal.mockImplementationOnce(async () => {
      s.theirs('1', { status: 'atRisk' });
      throw new ConflictError('goal', '1');
    });
    renderWithServices(<Harness />, s.value);
    await chooseStatus('Verve 40 nye medlemmer', 'Fullført');
    const dialog = await conflictDialog();
    expect(within(dialog).getByText(/Sigurd Mjelde lagret endringer/)).toBeTruthy();
    expect(s.getGoal).toHaveBeenCalledWith('1');
    await userEvent.click(dialogButton(dialog, 'Overskriv med mine'));
    await waitFor(() => expect(s.updateGoal).toHaveBeenCalledTimes(2));
    expect(s.updateGoal.mock.calls[1]?.slice(1)).toEqual([{ status: 'done' }, { ifMatch: '"99"' }]);
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull());
    await waitFor(async () => expect((await statusBox('Verve 40 nye medlemmer')).closest('tr')?.getAttribute('data-status')).toBe('done'));
  });

  it('meets a conflict and reloads theirs: nothing more is sent and the table shows their status', async () => {
    const s = services();
    s.updateGoal.mockImplementationOnce(async () => {
      s.theirs('1', { status: 'atRisk' });
      throw new ConflictError('goal', '1');
    });
    renderWithServices(<Harness />, s.value);
    const box = await chooseStatus('Verve 40 nye medlemmer', 'Fullført');
    const dialog = await conflictDialog();
    await userEvent.click(dialogButton(dialog, 'Last inn deres versjon'));
    await waitFor(() => expect(box.closest('tr')?.getAttribute('data-status')).toBe('atRisk'));
    expect(s.updateGoal).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(box));
  });

  it('is refused (403): a translated message, nothing stored, the status as it was', async () => {
    const s = services();
    s.updateGoal.mockRejectedValueOnce(new AccessDeniedError('goal', '1'));
    renderWithServices(<Harness />, s.value);
    const box = await chooseStatus('Verve 40 nye medlemmer', 'Fullført');
    expect((await screen.findByRole('alert')).textContent).toContain('Du kan ikke endre «Verve 40 nye medlemmer»: bare styret (teamets eiere) redigerer planen.');
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    expect(box.closest('tr')?.getAttribute('data-status')).not.toBe('done');
  });

  it('fails for another reason: the choice is kept and sent again with the same If-Match', async () => {
    const s = services();
    s.updateGoal.mockRejectedValueOnce(Object.assign(new Error('Service unavailable'), { status: 503 }));
    renderWithServices(<Harness />, s.value);
    await chooseStatus('Fire medlemsmøter', 'I faresonen');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Statusen «I faresonen» for «Fire medlemsmøter» ble ikke lagret. Valget ditt er tatt vare på – prøv igjen.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
    await waitFor(() => expect(s.updateGoal).toHaveBeenCalledTimes(2));
    expect(s.updateGoal.mock.calls[1]).toEqual(['2', { status: 'atRisk' }, { ifMatch: '"7"' }]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});

describe('owners in the table', () => {
  it('the board picks an owner in a popover and saves: the goal update gets the people by Entra id with If-Match', async () => {
    const s = services();
    renderWithServices(<Harness />, s.value);
    await userEvent.click(await screen.findByRole('button', { name: 'Endre ansvarlige for «Fire medlemsmøter»: Ingen ansvarlig' }));
    const surface = await dialogTitled('dialog', 'Ansvarlige for «Fire medlemsmøter»');
    await userEvent.click(within(surface).getByRole('combobox', { hidden: true }));
    await userEvent.click(await screen.findByRole('option', { name: /Kari Eide/, hidden: true }));
    await userEvent.click(dialogButton(surface, 'Lagre ansvarlige'));
    await waitFor(() => expect(s.updateGoal).toHaveBeenCalledTimes(1));
    expect(s.updateGoal).toHaveBeenCalledWith('2', { owners: [{ id: KARI.id, displayName: 'Kari Eide', email: 'kari@example.org' }] }, { ifMatch: '"7"' });
    expect(await screen.findByRole('button', { name: 'Endre ansvarlige for «Fire medlemsmøter»: Kari Eide' })).toBeTruthy();
  });

  it('grouped by owner, a goal with two owners has a row under each, and the note says so', async () => {
    const s = services([makeGoal('3', { text: 'Felles mål', areaId: 'a1', owners: [KARI, OLA] }), mote]);
    renderWithServices(<Harness initialGroup="owner" />, s.value);
    expect(await screen.findByText('Et mål med flere ansvarlige står under hver av dem.')).toBeTruthy();
    const headers = [...document.querySelectorAll('[data-group-header]')].map((h) => h.textContent);
    expect(headers).toEqual(['Kari Eide · 1 mål', 'Ola Nesse · 1 mål', 'Uten ansvarlig · 1 mål']);
    expect(document.querySelectorAll('tr[data-goal-id="3"]')).toHaveLength(2);
  });
});

describe('a steward', () => {
  it('reads status and owners, with nothing to change', async () => {
    renderWithServices(<Harness isBoard={false} />, services().value);
    expect(await screen.findByRole('grid', { name: 'Mål i planen' })).toBeTruthy();
    expect(screen.queryAllByRole('combobox', { name: /^Status for/ })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Endre ansvarlige/ })).toHaveLength(0);
    expect(screen.getByText('Bare styret kan endre status og ansvarlige.')).toBeTruthy();
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Verve 40 nye medlemmer', 'Fire medlemsmøter']);
  });

  it('sorts by a header: aria-sort follows, and the rows turn around', async () => {
    renderWithServices(<Harness isBoard={false} />, services().value);
    const due = await screen.findByRole('columnheader', { name: 'Frist' });
    expect(due.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(due).getByRole('button'));
    expect(due.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Fire medlemsmøter', 'Verve 40 nye medlemmer']);
    await userEvent.click(within(due).getByRole('button'));
    expect(due.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Verve 40 nye medlemmer', 'Fire medlemsmøter']);
  });
});
