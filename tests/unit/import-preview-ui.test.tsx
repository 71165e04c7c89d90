// @vitest-environment jsdom
/**
 * The import preview's repairs in the UI (features/import): each item's menu (Fluent Menu, by
 * keyboard too), the dialogs they open, the review badges and counts, and the union question
 * before a replace. The file reading is stubbed (the importer is tested on its own); the reducer
 * is the real one.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlanSnapshot } from '../../src/domain/plan';
import type { PlanImportInput } from '../../src/domain/plan-import';
import { PreviewTree } from '../../src/features/import/components/preview-tree';
import { previewFromDraft, previewReducer } from '../../src/features/import/preview-state';
import ImportView from '../../src/features/import/import-view';
import type { PlanDraft } from '../../src/import/draft';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

const draft: PlanDraft = {
  union: 'Fagforbundet Alver',
  period: { from: 2026, to: 2027 },
  language: 'nb',
  situation: [],
  areas: [
    {
      number: 1,
      title: 'Organisering',
      nationalGoals: ['Øke organisasjonsgraden', 'Flere tillitsvalgte'],
      strategies: ['Bygge klubber'],
      review: { nationalGoals: [], strategies: [0] },
      localGoals: [
        { nationalGoal: 'Øke organisasjonsgraden', text: 'Verve 50 nye medlemmer. Holde to kurs i året.' },
        { nationalGoal: 'Øke organisasjonsgraden', text: 'innen juni 2027', review: 'placement' },
        { nationalGoal: 'Flere tillitsvalgte', text: 'Tillitsvalgte på alle arbeidsplasser', review: 'mayBeNational' },
      ],
    },
    { number: 2, title: 'Velferd', nationalGoals: ['Heltid'], strategies: [], localGoals: [] },
  ],
  unplaced: ['Styret følger opp'],
  notUsed: [{ text: 'Innledning om planen', kind: 'introduction' }],
};

vi.mock('../../src/features/import/read-plan-file', () => ({ readPlanFile: vi.fn(async () => ({ ok: true, draft })) }));

beforeAll(stubResizeObserver);
afterEach(cleanup);

function Harness() {
  const [state, dispatch] = useReducer(previewReducer, draft, previewFromDraft);
  return <PreviewTree state={state} readOnly={false} dispatch={dispatch} />;
}

const noServices = {} as Services;
const area = (name: RegExp) => screen.getByRole('region', { name }) as HTMLElement;
const goalItem = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

/** Opens the menu of the item `scope` holds and chooses `item`. */
async function choose(user: ReturnType<typeof userEvent.setup>, scope: HTMLElement, trigger: string, item: string) {
  await user.click(within(scope).getAllByRole('button', { name: trigger })[0] as HTMLElement);
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

/** A dialog by its title (jsdom has no layout: Tabster may mark it hidden; see plan-table-ui.test.tsx). */
async function dialog(title: string): Promise<HTMLElement> {
  const found = (await screen.findAllByRole('dialog', { hidden: true })).find((d) => within(d).queryByText(title) !== null);
  if (!found) throw new Error(`no dialog ${title}`);
  return found;
}

describe('the preview’s menus', () => {
  it('marks what the importer doubted, in words, and clears a mark the board checks', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    expect(within(goalItem('innen juni 2027')).getByText('Sjekk: plasseringen er gjettet')).toBeTruthy();
    expect(within(goalItem('Tillitsvalgte på alle arbeidsplasser')).getByText('Sjekk: kan være et nasjonalt mål')).toBeTruthy();
    expect(within(goalItem('Bygge klubber')).getByText('Sjekk: finnes ikke i den nasjonale planen')).toBeTruthy();
    await choose(user, goalItem('innen juni 2027'), 'Endre', 'Merk som sjekket');
    expect(within(goalItem('innen juni 2027')).queryByText('Sjekk: plasseringen er gjettet')).toBeNull();
    // A goal with nothing to check offers no such item.
    await user.click(within(goalItem('Verve 50 nye medlemmer. Holde to kurs i året.')).getByRole('button', { name: 'Endre' }));
    expect(screen.queryByRole('menuitem', { name: 'Merk som sjekket' })).toBeNull();
  });

  it('names each menu button and describes it by the item’s text, and opens it from the keyboard', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    const trigger = within(goalItem('Tillitsvalgte på alle arbeidsplasser')).getByRole('button', { name: 'Endre' });
    expect(trigger.getAttribute('aria-describedby')).toBe(screen.getByText('Tillitsvalgte på alle arbeidsplasser').id);
    trigger.focus();
    await user.keyboard('{Enter}');
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Rediger tekst',
      'Flytt …',
      'Gjør til nasjonalt mål',
      'Gjør til strategi',
      'Slå sammen med neste mål',
      'Del i to …',
      'Merk som sjekket',
      'Fjern',
    ]);
    // The last goal under its national goal has none to merge with.
    expect(screen.getByRole('menuitem', { name: 'Slå sammen med neste mål' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('menuitem', { name: 'Gjør til nasjonalt mål' }));
    expect(within(area(/^1\. Organisering/)).getByRole('heading', { level: 3, name: 'Tillitsvalgte på alle arbeidsplasser' })).toBeTruthy();
  });

  it('moves a national goal with its goals to another area', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    const heading = screen.getByRole('heading', { level: 3, name: 'Øke organisasjonsgraden' }).parentElement as HTMLElement;
    await choose(user, heading, 'Endre', 'Flytt til et annet område …');
    const d = await dialog('Flytt det nasjonale målet');
    expect(within(d).getByText('Målene under det blir med.')).toBeTruthy();
    fireEvent.change(within(d).getByRole('combobox', { hidden: true }), { target: { value: 'a2' } });
    await user.click(within(d).getByRole('button', { name: 'Flytt', hidden: true }));
    const velferd = area(/^2\. Velferd/);
    expect(within(velferd).getByRole('heading', { level: 3, name: 'Øke organisasjonsgraden' })).toBeTruthy();
    expect(within(velferd).getByText('innen juni 2027')).toBeTruthy();
    expect(within(area(/^1\. Organisering/)).queryByText('innen juni 2027')).toBeNull();
  });

  it('merges a goal with the next and splits it again at a sentence boundary', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    await choose(user, goalItem('Verve 50 nye medlemmer. Holde to kurs i året.'), 'Endre', 'Slå sammen med neste mål');
    const merged = 'Verve 50 nye medlemmer. Holde to kurs i året. innen juni 2027';
    expect(screen.getByText(merged)).toBeTruthy();
    expect(within(goalItem(merged)).getByText('Frist: juni 2027')).toBeTruthy();

    await choose(user, goalItem(merged), 'Endre', 'Del i to …');
    const d = await dialog('Del målet i to');
    const [first, second] = within(d).getAllByRole('textbox', { hidden: true }) as HTMLTextAreaElement[];
    // The boundary nearest the middle is chosen to start with.
    expect([first?.value, second?.value]).toEqual(['Verve 50 nye medlemmer.', 'Holde to kurs i året. innen juni 2027']);
    fireEvent.change(within(d).getByRole('combobox', { hidden: true }), { target: { value: String('Verve 50 nye medlemmer. Holde to kurs i året.'.length) } });
    expect([first?.value, second?.value]).toEqual(['Verve 50 nye medlemmer. Holde to kurs i året.', 'innen juni 2027']);
    await user.click(within(d).getByRole('button', { name: 'Del', hidden: true }));
    expect(within(goalItem('Verve 50 nye medlemmer. Holde to kurs i året.')).queryByText('Frist: juni 2027')).toBeNull();
    expect(within(goalItem('innen juni 2027')).getByText('Frist: juni 2027')).toBeTruthy();
  });

  it('adds, renames and deletes an area', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    await user.click(screen.getByRole('button', { name: 'Legg til et område' }));
    let d = await dialog('Nytt område');
    await user.type(within(d).getByRole('textbox', { hidden: true }), 'Lokalt');
    await user.click(within(d).getByRole('button', { name: 'Legg til området', hidden: true }));
    expect(screen.getByRole('heading', { level: 2, name: '3. Lokalt' })).toBeTruthy();

    await choose(user, area(/^3\. Lokalt/), 'Endre', 'Gi nytt navn …');
    d = await dialog('Gi området nytt navn');
    const name = within(d).getByRole('textbox', { hidden: true });
    await user.clear(name);
    await user.type(name, 'Lokale saker');
    await user.click(within(d).getByRole('button', { name: 'Endre navnet', hidden: true }));
    expect(screen.getByRole('heading', { level: 2, name: '3. Lokale saker' })).toBeTruthy();

    // An area with content cannot be deleted; an empty one can.
    await user.click(within(area(/^2\. Velferd/)).getAllByRole('button', { name: 'Endre' })[0] as HTMLElement);
    expect(screen.queryByRole('menuitem', { name: 'Slett området' })).toBeNull();
    await user.keyboard('{Escape}');
    await choose(user, area(/^3\. Lokale saker/), 'Endre', 'Slett området');
    expect(screen.queryByRole('heading', { level: 2, name: '3. Lokale saker' })).toBeNull();
  });

  it('lists the text not used with what it was taken for, and makes one a strategy', async () => {
    const user = userEvent.setup();
    renderWithServices(<Harness />, noServices);
    expect(screen.getByRole('heading', { level: 2, name: 'Tekst som ikke er brukt (2)' })).toBeTruthy();
    expect(within(goalItem('Styret følger opp')).getByText('Kunne ikke plasseres')).toBeTruthy();
    expect(within(goalItem('Innledning om planen')).getByText('Tolket som innledning')).toBeTruthy();
    await choose(user, goalItem('Innledning om planen'), 'Bruk', 'Som strategi …');
    const d = await dialog('Lag en strategi');
    fireEvent.change(within(d).getByRole('textbox', { hidden: true }), { target: { value: 'Bygge nettverk' } });
    fireEvent.change(within(d).getByRole('combobox', { hidden: true }), { target: { value: 'a2' } });
    await user.click(within(d).getByRole('button', { name: 'Legg til strategien', hidden: true }));
    expect(within(area(/^2\. Velferd/)).getByText('Bygge nettverk')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Tekst som ikke er brukt (1)' })).toBeTruthy();
    await choose(user, goalItem('Styret følger opp'), 'Bruk', 'Utelat');
    expect(screen.getByText('All teksten fra filen er brukt.')).toBeTruthy();
  });
});

describe('saving into a team whose plan has another union’s name', () => {
  function services() {
    const importPlan = vi.fn(async (_input: PlanImportInput) => ({ planId: 'p2', applied: 'replace' as const, areasAdded: 2, goalsAdded: 3, goalsSkipped: 0, situationAdded: 0, itemsRemoved: 0, resumed: false }));
    const snapshot = {
      plan: { id: 'p1', union: 'Fagforbundet  ASKER', periodFrom: 2024, periodTo: 2025, adoptedDate: null, language: 'nb' },
      areas: [],
      goals: [],
      checkIns: [],
      situation: [],
      comments: [],
      issues: [],
    } as unknown as PlanSnapshot;
    const value = { planRepository: () => ({ load: async () => snapshot }), planImporter: () => ({ importPlan }) } as unknown as Services;
    return { value, importPlan };
  }

  async function preview(user: ReturnType<typeof userEvent.setup>, s: ReturnType<typeof services>) {
    renderWithServices(<ImportView teamId="t" teamName="Team Asker" role="board" view={{ name: 'import' }} />, s.value);
    await user.upload(await screen.findByLabelText('Planfil (.docx, .pdf eller .txt)'), new File(['x'], 'plan.txt', { type: 'text/plain' }));
    await screen.findByRole('heading', { level: 1, name: 'Sjekk importen' });
  }

  it('counts the text not used and the items to check in the summary', async () => {
    const user = userEvent.setup();
    await preview(user, services());
    expect(screen.getByTestId('import-counts').textContent).toBe('2 tekster fra filen er ikke brukt · 3 punkter bør sjekkes');
  });

  it('asks before renaming, keeps the plan’s name by default, and renames when chosen', async () => {
    const user = userEvent.setup();
    const s = services();
    await preview(user, s);
    await user.click(screen.getByRole('radio', { name: /^Erstatt den/ }));
    await user.click(screen.getByRole('button', { name: 'Lagre planen' }));
    let d = await dialog('Hvilket navn skal planen ha?');
    expect(within(d).getByText('Planen i teamet heter «Fagforbundet ASKER», men den importerte filen er fra «Fagforbundet Alver».')).toBeTruthy();
    expect((within(d).getByRole('radio', { name: 'Behold «Fagforbundet ASKER»', hidden: true }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(d).getByRole('button', { name: 'Lagre planen', hidden: true }));
    await waitFor(() => expect(s.importPlan).toHaveBeenCalledTimes(1));
    expect(s.importPlan.mock.calls[0]?.[0].plan.union).toBe('Fagforbundet  ASKER');

    cleanup();
    const again = services();
    await preview(user, again);
    await user.click(screen.getByRole('radio', { name: /^Erstatt den/ }));
    await user.click(screen.getByRole('button', { name: 'Lagre planen' }));
    d = await dialog('Hvilket navn skal planen ha?');
    await user.click(within(d).getByRole('radio', { name: 'Endre til «Fagforbundet Alver»', hidden: true }));
    await user.click(within(d).getByRole('button', { name: 'Lagre planen', hidden: true }));
    await waitFor(() => expect(again.importPlan).toHaveBeenCalledTimes(1));
    expect(again.importPlan.mock.calls[0]?.[0].plan.union).toBe('Fagforbundet Alver');
  });

  it('does not ask when adding to the plan, which keeps its name', async () => {
    const user = userEvent.setup();
    const s = services();
    await preview(user, s);
    await user.click(screen.getByRole('radio', { name: /^Legg de nye målene til/ }));
    await user.click(screen.getByRole('button', { name: 'Lagre planen' }));
    await waitFor(() => expect(s.importPlan).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('Hvilket navn skal planen ha?')).toBeNull();
  });
});
