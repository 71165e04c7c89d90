// @vitest-environment jsdom
/**
 * The goal editor and the Plan screen's small things, rendered (issue 14): the deadline typed in
 * Norwegian or picked in Fluent's calendar is stored as a day or a month, an impossible day gets
 * a message and nothing is saved, numbers take the decimal comma, the start cannot come after the
 * deadline; focus returns to the button that opened a dialog; each goal's buttons name the goal;
 * the search box's clear button speaks the user's language.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Area, LocalGoal, LocalGoalPatch } from '../../src/domain/plan';
import { goalProgress } from '../../src/domain/progress';
import type { PlannerPort } from '../../src/domain/planner-port';
import { AssignTasksDialog } from '../../src/features/plan/components/assign-tasks-dialog';
import { DeleteGoalDialog } from '../../src/features/plan/components/delete-goal-dialog';
import { GoalEditor, type EditorMode } from '../../src/features/plan/components/goal-editor';
import { GoalItem, shortGoalText } from '../../src/features/plan/components/goal-item';
import { PlanFilters } from '../../src/features/plan/components/plan-filters';
import { EMPTY_FILTER } from '../../src/features/plan/plan-filter';
import type { Language } from '../../src/i18n';
import type { Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const AREA: Area = { id: 'a1', planId: 'p', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] };

function services() {
  const updateGoal = vi.fn(async (id: string, patch: LocalGoalPatch) => ({ ...makeGoal(id), ...patch, id, etag: '"2"' }));
  const createGoal = vi.fn(async (goal: Omit<LocalGoal, 'id'>) => ({ ...goal, id: '99' }));
  const value = {
    directory: { teamMembers: vi.fn(async () => []) },
    planRepository: () => ({ updateGoal, createGoal }),
    session: { today: () => '2026-05-04' },
  } as unknown as Services;
  return { value, updateGoal, createGoal };
}

/** The editor as the Plan screen opens it: from a button, closed by the editor itself. */
function EditorHarness({ mode }: { mode: EditorMode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Åpne
      </button>
      {open && <GoalEditor teamId="t" planId="p" mode={mode} areas={[AREA]} goals={mode.kind === 'edit' ? [mode.goal] : []} onClose={() => setOpen(false)} />}
    </>
  );
}

async function openEditor(goal: LocalGoal, language: Language = 'nb') {
  const s = services();
  renderWithServices(<EditorHarness mode={{ kind: 'edit', goal }} />, s.value, { language });
  const opener = screen.getByRole('button', { name: 'Åpne' });
  await userEvent.click(opener);
  const dialog = await screen.findByRole('dialog');
  return { ...s, dialog, opener };
}

const dueField = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: 'Frist' });
const save = (dialog: HTMLElement) => userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));

beforeAll(stubResizeObserver);

afterEach(() => cleanup());

describe('GoalEditor: the deadline', () => {
  it('stores 30.06.2027 typed in the field as the day 2027-06-30', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', etag: '"1"' }));
    await userEvent.type(dueField(dialog), '30.06.2027');
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ due: '2027-06-30' });
  });

  it('stores "juni 2027" as the month 2027-06', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', etag: '"1"' }));
    await userEvent.type(dueField(dialog), 'juni 2027');
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ due: '2027-06' });
  });

  it('shows the stored deadline as the language writes it, and stores it unchanged', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', due: '2027-06-30', etag: '"1"' }));
    expect((dueField(dialog) as HTMLInputElement).value).toBe('30. juni 2027');
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ due: '2027-06-30' });
  });

  it('refuses a day the month does not have with a message, and saves nothing', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', etag: '"1"' }));
    await userEvent.type(dueField(dialog), '31.04.2027');
    await save(dialog);
    expect(await within(dialog).findByText('Den datoen finnes ikke (måneden har færre dager).')).toBeTruthy();
    expect(dueField(dialog).getAttribute('aria-invalid')).toBe('true');
    expect((dueField(dialog) as HTMLInputElement).value).toBe('31.04.2027');
    expect(updateGoal).not.toHaveBeenCalled();
  });

  it('picks a day in the calendar, and a whole month with the switch', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', due: '2027-06-30', etag: '"1"' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Velg en dag eller en måned i kalenderen' }));
    let picker = await screen.findByRole('dialog', { name: 'Kalender' });
    // Norwegian names from Intl, weeks from Monday.
    const headers = within(picker).getAllByRole('columnheader').map((h) => h.getAttribute('aria-label') ?? h.textContent);
    expect(headers.slice(0, 2)).toEqual(['mandag', 'tirsdag']);
    await userEvent.click(within(picker).getByRole('button', { name: '15, juni, 2027' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Kalender' })).toBeNull());
    await waitFor(() => expect((dueField(dialog) as HTMLInputElement).value).toBe('15. juni 2027'));
    expect(document.activeElement).toBe(dueField(dialog));

    await userEvent.click(within(dialog).getByRole('button', { name: 'Velg en dag eller en måned i kalenderen' }));
    picker = await screen.findByRole('dialog', { name: 'Kalender' });
    await userEvent.click(within(picker).getByRole('switch', { name: 'Hele måneden' }));
    // The month picker's months are grid cells.
    await userEvent.click(await within(picker).findByRole('gridcell', { name: 'september' }));
    await waitFor(() => expect((dueField(dialog) as HTMLInputElement).value).toBe('september 2027'));
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ due: '2027-09' });
  });
});

describe('GoalEditor: start and numbers', () => {
  it('stores the start, and refuses one after the deadline with a message naming it', async () => {
    const { dialog, updateGoal } = await openEditor(makeGoal('1', { text: 'Verve 40', due: '2027-06', etag: '"1"' }));
    const start = within(dialog).getByRole('textbox', { name: 'Oppstart' });
    await userEvent.type(start, '1.7.2027');
    await save(dialog);
    expect(await within(dialog).findByText('Oppstarten er etter fristen (juni 2027).')).toBeTruthy();
    expect(updateGoal).not.toHaveBeenCalled();
    await userEvent.clear(start);
    await userEvent.type(start, '01.09.2026');
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ start: '2026-09-01', due: '2027-06' });
  });

  it('saves a target typed as 2,5 as 2.5, and shows stored numbers with a decimal comma', async () => {
    const goal = makeGoal('1', { text: 'Øke snittet', kind: 'measured', measure: { unit: 'timer', baseline: 1.5, target: 3, current: 1250 }, etag: '"1"' });
    const { dialog, updateGoal } = await openEditor(goal);
    expect((within(dialog).getByRole('textbox', { name: 'Utgangspunkt' }) as HTMLInputElement).value).toBe('1,5');
    expect((within(dialog).getByRole('textbox', { name: 'Nåverdi' }) as HTMLInputElement).value).toBe('1\u00a0250');
    const target = within(dialog).getByRole('textbox', { name: 'Målverdi' });
    await userEvent.clear(target);
    await userEvent.type(target, '2,5');
    await save(dialog);
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ measure: { unit: 'timer', baseline: 1.5, target: 2.5, current: 1250 } });
  });

  it('reads 2.5 with a decimal point in English', async () => {
    const goal = makeGoal('1', { text: 'More hours', kind: 'measured', measure: { unit: 'h', baseline: 1, target: 3, current: null }, etag: '"1"' });
    const { dialog, updateGoal } = await openEditor(goal, 'en');
    const target = within(dialog).getByRole('textbox', { name: 'Target' });
    await userEvent.clear(target);
    await userEvent.type(target, '1,250.5');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(updateGoal).toHaveBeenCalledTimes(1));
    expect(updateGoal.mock.calls[0]?.[1]).toMatchObject({ measure: { target: 1250.5 } });
  });
});

describe('focus returns to the control that opened a dialog', () => {
  it('after the goal editor is cancelled, closed with Escape or saved', async () => {
    const { dialog, opener } = await openEditor(makeGoal('1', { text: 'Verve 40', etag: '"1"' }));
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));

    await userEvent.click(opener);
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));

    await userEvent.click(opener);
    await save(await screen.findByRole('dialog'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('after the delete dialog is cancelled', async () => {
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Slett
          </button>
          {open && <DeleteGoalDialog goal={makeGoal('1', { text: 'Verve 40' })} onConfirm={() => setOpen(false)} onCancel={() => setOpen(false)} />}
        </>
      );
    }
    renderWithServices(<Harness />, services().value);
    const opener = screen.getByRole('button', { name: 'Slett' });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('after the Planner dialog is cancelled', async () => {
    const goal = makeGoal('1', { text: 'Verve 40' });
    const snapshot = {
      plan: { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' as const, planner: null },
      areas: [AREA],
      goals: [goal],
      checkIns: [],
      situation: [],
      comments: [],
      issues: [],
    };
    const port = {
      preview: vi.fn(async () => ({ createsPlan: true, newBuckets: [], tasks: [], alreadyLinked: [], limits: [] })),
    } as unknown as PlannerPort;
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Planner
          </button>
          {open && <AssignTasksDialog teamId="t" port={port} snapshot={snapshot} goals={[goal]} onClose={() => setOpen(false)} />}
        </>
      );
    }
    renderWithServices(<Harness />, services().value);
    const opener = screen.getByRole('button', { name: 'Planner' });
    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});

describe('the Plan screen names what its repeated buttons act on', () => {
  const progress = goalProgress(makeGoal('1'), [], { periodFrom: 2026, periodTo: 2027 }, '2026-05-04');
  const actions = { onEdit: vi.fn(), onMove: vi.fn(), onDelete: vi.fn() };

  it('gives each goal’s buttons the goal’s text, shortened', () => {
    const long = 'Alle tillitsvalgte i kommunal sektor skal ha gjennomført grunnopplæring og kurs i Teams innen utgangen av 2027';
    renderWithServices(
      <ul>
        <GoalItem goal={makeGoal('1', { text: 'Verve 40 nye medlemmer' })} progress={progress} actions={actions} canMoveUp canMoveDown />
        <GoalItem goal={makeGoal('2', { text: long })} progress={progress} actions={actions} canMoveUp canMoveDown={false} />
      </ul>,
      services().value,
    );
    for (const name of ['Rediger: Verve 40 nye medlemmer', 'Flytt opp: Verve 40 nye medlemmer', 'Flytt ned: Verve 40 nye medlemmer', 'Slett: Verve 40 nye medlemmer']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    const short = shortGoalText(long);
    expect(short).toBe('Alle tillitsvalgte i kommunal sektor skal ha gjennomført…');
    expect(short.length).toBeLessThanOrEqual(60);
    expect(screen.getByRole('button', { name: `Flytt opp: ${short}` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Slett: ${short}` })).toBeTruthy();
  });

  it('names the search box’s clear button in the user’s language', () => {
    const props = { filter: { ...EMPTY_FILTER, query: 'verving' }, onChange: vi.fn(), areas: [AREA], owners: [], shown: 1, total: 2 };
    renderWithServices(<PlanFilters {...props} />, services().value);
    expect(screen.getByRole('button', { name: 'Tøm søket' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'clear' })).toBeNull();
    cleanup();
    renderWithServices(<PlanFilters {...props} />, services().value, { language: 'en' });
    expect(screen.getByRole('button', { name: 'Clear the search' })).toBeTruthy();
  });
});

describe('shortGoalText', () => {
  it('leaves a short text as it is, with whitespace collapsed', () => {
    expect(shortGoalText('  Verve\n 40  ')).toBe('Verve 40');
    expect(shortGoalText('x'.repeat(60))).toBe('x'.repeat(60));
  });

  it('cuts a long word where it must', () => {
    expect(shortGoalText('y'.repeat(80))).toBe(`${'y'.repeat(59)}…`);
  });
});
