// @vitest-environment jsdom
/**
 * The rollout view with a fake roster port: counts by role and area with full names for screen
 * readers, the 'missing' filter, the board's ticks (a conflict reads the roster again and says so),
 * adding a person exactly once however often the save is retried, the invitation to the team, the
 * lines for the tenant's administrators, the stewards' read-only view, a tenant that could not be
 * read, an empty roster, and goals measured by a step following the roster.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { AccessDeniedError, ConflictError, type PlanRepository, type TeamRole } from '../../src/domain/ports';
import { BUILT_IN_STEPS, type DirectoryFacts, type Representative } from '../../src/domain/roster';
import type { RosterPort, RosterSnapshot } from '../../src/domain/roster-port';
import { RolloutPage } from '../../src/features/rollout/components/rollout-page';
import type { Language } from '../../src/i18n';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver } from '../support/render';

const TODAY = '2026-04-10';

function rep(id: string, over: Partial<Representative> = {}): Representative {
  return { id, name: `Rep ${id}`, email: `${id}@example.org`, role: 'ptv', area: 'KS', workplace: 'Alver sjukeheim', entraId: null, marks: {}, seen: {}, retired: false, etag: `"${id},1"`, ...over };
}

const REPS: Representative[] = [
  rep('1', { name: 'Kari Nordmann', email: 'kari.nordmann@example.org', role: 'ptv', area: 'KS', entraId: 'u1', seen: { org365: '2026-01-05', team: '2026-01-05' }, marks: { klarTraining: { on: '2026-02-01', by: 'board' } } }),
  rep('2', { name: 'Ola Nesse', role: 'ptv', area: 'Spekter', entraId: 'u2', seen: { org365: '2026-02-05' }, marks: { teamsTraining: { on: '2026-03-01', by: 'self' } } }),
  rep('3', { name: 'Liv Hauge', role: 'ktv', area: null, email: 'liv@privat.example' }),
  rep('4', { name: 'Per Gått', role: 'ktv', area: 'KS', retired: true }),
];
const FACTS: DirectoryFacts = { accounts: new Map([['1', 'u1'], ['2', 'u2']]), members: new Set(['u1']) };

function snapshotOf(over: Partial<RosterSnapshot> = {}): RosterSnapshot {
  return { reps: REPS, steps: BUILT_IN_STEPS, stepProblems: [], facts: FACTS, accountNames: new Map(), plan: { id: '7', etag: '"p,1"' }, updated: 0, ...over };
}

function fakeRoster(overrides: Partial<RosterPort> = {}, snapshot: RosterSnapshot = snapshotOf()): RosterPort {
  return {
    refresh: vi.fn(async () => snapshot),
    add: vi.fn(async (r) => rep('9', { ...r })),
    update: vi.fn(async (id, patch) => ({ ...(REPS.find((r) => r.id === id) as Representative), ...patch })),
    setMark: vi.fn(async (r, stepId, mark) => {
      const marks = { ...r.marks };
      if (mark) marks[stepId] = mark;
      else delete marks[stepId];
      return { ...r, marks, etag: '"x,2"' };
    }),
    confirmOwn: vi.fn(async () => undefined),
    saveSteps: vi.fn(async () => ({ etag: '"p,2"' })),
    importRoster: vi.fn(async () => ({ added: 0, changed: 0, resumed: false })),
    invite: vi.fn(async (r) => ({ id: r.entraId ?? 'u', displayName: r.name, role: 'steward' as const })),
    ...overrides,
  };
}

const goal = (over: Partial<LocalGoal>): LocalGoal =>
  ({ id: 'g1', text: 'Alle PTV skal ha kurs i KL*AR', nationalGoal: null, areaId: 'a1', kind: 'measured', owners: [], due: null, status: 'inProgress', measure: { unit: '%', baseline: 0, target: 100, current: 0 }, recurrence: null, tariffArea: null, sortOrder: 1, etag: '"g,1"', ...over }) as LocalGoal;

function fakePlans(goals: LocalGoal[] = []): PlanRepository {
  const snapshot = { plan: { id: '7', union: 'Fagforbundet Alver', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' }, areas: [], goals, situation: [], issues: [] } as unknown as PlanSnapshot;
  return { load: vi.fn(async () => snapshot), updateGoals: vi.fn(async () => []) } as unknown as PlanRepository;
}

function renderPage(roster: RosterPort, { role = 'board' as TeamRole, language = 'nb' as Language, plans = fakePlans() } = {}) {
  const services = {
    session: { user: { userPrincipalName: 'ingrid@example.org', displayName: 'Ingrid' }, team: null, today: () => TODAY, deepLink: () => null, openDeepLink: async () => undefined },
    roster: () => roster,
    planRepository: () => plans,
  } as unknown as Services;
  const { queryClient } = renderWithServices(<RolloutPage teamId="team-1" teamName="Fagforbundet Alver" role={role} />, services, { language });
  return { queryClient, plans };
}

beforeAll(() => {
  stubResizeObserver();
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
});

afterEach(() => {
  cleanup();
});

const people = () => screen.getByTestId('rollout-people');
const rowOf = (name: string) => within(people()).getByRole('rowheader', { name: new RegExp(name) }).closest('tr') as HTMLElement;

describe('RolloutPage', () => {
  it('should count by role and by area, each cell named in full, leaving out people who stepped down', async () => {
    const roster = fakeRoster();
    renderPage(roster);
    const summary = await screen.findByTestId('rollout-summary');
    expect(within(summary).getByText('3 tillitsvalgte i alt')).toBeTruthy();
    const byRole = within(summary).getByRole('region', { name: 'Etter rolle' });
    expect(within(byRole).getByRole('cell', { name: 'PTV: 2 av 2 har Org365-konto' }).textContent).toBe('2 av 2');
    expect(within(byRole).getByRole('cell', { name: 'PTV: 1 av 2 er medlem av teamet' })).toBeTruthy();
    expect(within(byRole).getByRole('cell', { name: 'KTV: 0 av 1 har Org365-konto' })).toBeTruthy();
    expect(within(byRole).getByRole('cell', { name: 'Alle: 1 av 3 har tatt kurs i KL*AR' })).toBeTruthy();
    const byArea = within(summary).getByRole('region', { name: 'Etter tariffområde' });
    expect(within(byArea).getByRole('rowheader', { name: 'Uten tariffområde' })).toBeTruthy();
    expect(within(byArea).getByRole('cell', { name: 'Spekter: 1 av 1 har tatt kurs i Teams' })).toBeTruthy();
    expect(roster.refresh).toHaveBeenCalledWith(TODAY, { write: true });
  });

  it('should name a renamed step and the board’s own step by their labels', async () => {
    const steps = [...BUILT_IN_STEPS.map((s) => (s.id === 'klarTraining' ? { ...s, label: 'KL*AR-skolering' } : s)), { id: 'custom6', label: 'Verneombudskurs', kind: 'manual' as const, retired: false }];
    renderPage(fakeRoster({}, snapshotOf({ steps })));
    const byRole = await screen.findByRole('region', { name: 'Etter rolle' });
    expect(within(byRole).getByRole('cell', { name: 'PTV: 1 av 2 har fullført «KL*AR-skolering»' })).toBeTruthy();
    expect(within(byRole).getByRole('cell', { name: 'PTV: 0 av 2 har fullført «Verneombudskurs»' })).toBeTruthy();
  });

  it('should filter the people to those missing a step, by keyboard too, and clear the filter', async () => {
    renderPage(fakeRoster());
    const filter = await screen.findByRole('button', { name: 'Mangler: Org365-konto (1)' });
    expect(within(people()).getAllByRole('row')).toHaveLength(4);
    filter.focus();
    await userEvent.keyboard('{Enter}');
    expect(filter.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('rollout-filter-status').textContent).toBe('1 person mangler Org365-konto.');
    const rows = within(people()).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-rep-id'))).toEqual(['3']);
    await userEvent.click(screen.getByRole('button', { name: 'Vis alle' }));
    expect(within(people()).getAllByRole('row')).toHaveLength(4);
  });

  it('should show those who stepped down only when asked', async () => {
    renderPage(fakeRoster());
    await screen.findByTestId('rollout-people');
    expect(within(people()).queryByText('Per Gått')).toBeNull();
    await userEvent.click(screen.getByRole('switch', { name: 'Vis fratrådte' }));
    expect(within(people()).getByText('Per Gått')).toBeTruthy();
    expect(within(people()).getByText('Fratrådt')).toBeTruthy();
  });

  it('should let the board tick a training step with today’s date, and show who confirmed it themselves', async () => {
    const roster = fakeRoster();
    renderPage(roster);
    await screen.findByTestId('rollout-people');
    const ola = rowOf('Ola Nesse');
    expect(within(ola).getByText('bekreftet selv')).toBeTruthy();
    expect((within(ola).getByRole('checkbox', { name: 'Kurs i Teams: Ola Nesse' }) as HTMLInputElement).checked).toBe(true);
    // Tenant steps are never checkboxes.
    expect(within(ola).queryByRole('checkbox', { name: /Org365-konto/ })).toBeNull();
    await userEvent.click(within(ola).getByRole('checkbox', { name: 'Kurs i KL*AR: Ola Nesse' }));
    expect(roster.setMark).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }), 'klarTraining', { on: TODAY, by: 'board' });
    expect(await screen.findByText('Kurs i KL*AR er krysset av for Ola Nesse.')).toBeTruthy();
    expect((within(rowOf('Ola Nesse')).getByRole('checkbox', { name: 'Kurs i KL*AR: Ola Nesse' }) as HTMLInputElement).checked).toBe(true);
    // The count follows at once.
    expect(within(screen.getByRole('region', { name: 'Etter rolle' })).getByRole('cell', { name: 'Alle: 2 av 3 har tatt kurs i KL*AR' })).toBeTruthy();
  });

  it('should read the roster again and say so when someone else changed the person first', async () => {
    const roster = fakeRoster({ setMark: vi.fn(async () => Promise.reject(new ConflictError('representative', '2'))) });
    renderPage(roster);
    await screen.findByTestId('rollout-people');
    await userEvent.click(within(rowOf('Ola Nesse')).getByRole('checkbox', { name: 'Kurs i KL*AR: Ola Nesse' }));
    expect(await screen.findByText(/Noen andre har endret Ola Nesse i mellomtiden/)).toBeTruthy();
    await waitFor(() => expect(roster.refresh).toHaveBeenCalledTimes(2));
    // The tick that was not stored goes back.
    expect((within(rowOf('Ola Nesse')).getByRole('checkbox', { name: 'Kurs i KL*AR: Ola Nesse' }) as HTMLInputElement).checked).toBe(false);
  });

  it('should say that only the board may change the list when SharePoint refuses', async () => {
    renderPage(fakeRoster({ setMark: vi.fn(async () => Promise.reject(new AccessDeniedError('representative', '2'))) }), { language: 'en' });
    await screen.findByTestId('rollout-people');
    await userEvent.click(within(rowOf('Ola Nesse')).getByRole('checkbox', { name: 'KL*AR course: Ola Nesse' }));
    expect(await screen.findByText('You may not change the representatives. Only the board can.')).toBeTruthy();
  });

  it('should add someone with an account to the team, then read the roster again', async () => {
    const roster = fakeRoster();
    const { queryClient } = renderPage(roster);
    await screen.findByTestId('rollout-people');
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    expect(within(rowOf('Kari Nordmann')).queryByRole('button', { name: /til i teamet/ })).toBeNull();
    expect(within(rowOf('Liv Hauge')).getByText('Trenger konto først')).toBeTruthy();
    await userEvent.click(within(rowOf('Ola Nesse')).getByRole('button', { name: 'Legg Ola Nesse til i teamet' }));
    expect(await screen.findByText('Ola Nesse er lagt til i teamet.')).toBeTruthy();
    expect(roster.invite).toHaveBeenCalledWith(expect.objectContaining({ id: '2' }));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['team-members', 'team-1'] });
    expect(roster.refresh).toHaveBeenCalledTimes(2);
  });

  it('should explain that only the team’s owners can add members', async () => {
    renderPage(fakeRoster({ invite: vi.fn(async () => Promise.reject(new AccessDeniedError('team', 'team-1'))) }));
    await screen.findByTestId('rollout-people');
    await userEvent.click(within(rowOf('Ola Nesse')).getByRole('button', { name: 'Legg Ola Nesse til i teamet' }));
    expect(await screen.findByText('Bare eierne av teamet kan legge til medlemmer. Be en eier av teamet om å gjøre det.')).toBeTruthy();
  });

  it('should validate a new representative and add them exactly once, with the same key on every retry', async () => {
    const add = vi.fn<RosterPort['add']>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockImplementation(async (r) => rep('9', { ...r }));
    const roster = fakeRoster({ add });
    renderPage(roster);
    await userEvent.click(await screen.findByRole('button', { name: 'Legg til tillitsvalgt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Legg til tillitsvalgt' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(within(dialog).getByText('Skriv inn navnet.')).toBeTruthy();
    expect(within(dialog).getByText(/Skriv inn en gyldig e-postadresse/)).toBeTruthy();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Navn/ }), 'Sara Lie');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /E-post/ }), 'KARI.Nordmann@example.org');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    // Kari's address in another case is still Kari's.
    expect(within(dialog).getByText('En tillitsvalgt med denne e-postadressen står allerede i listen.')).toBeTruthy();
    await userEvent.clear(within(dialog).getByRole('textbox', { name: /E-post/ }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: /E-post/ }), 'sara.lie@example.org');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Rolle' }), 'Verneombud');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await within(dialog).findByText(/Endringen kunne ikke lagres/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Sara Lie er lagt til.')).toBeTruthy();
    expect(add).toHaveBeenCalledTimes(2);
    const [first, second] = add.mock.calls.map(([r]) => r);
    expect(first).toEqual({ name: 'Sara Lie', email: 'sara.lie@example.org', role: 'safety', area: null, workplace: '', clientId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(second?.clientId).toBe(first?.clientId);
  });

  it('should save an edit with the person’s eTag', async () => {
    const roster = fakeRoster();
    renderPage(roster);
    await screen.findByTestId('rollout-people');
    await userEvent.click(within(rowOf('Liv Hauge')).getByRole('button', { name: 'Rediger Liv Hauge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rediger Liv Hauge' });
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Arbeidssted' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Arbeidssted' }), 'Knarvik');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Endringene for Liv Hauge er lagret.')).toBeTruthy();
    expect(roster.update).toHaveBeenCalledWith('3', { workplace: 'Knarvik' }, { ifMatch: '"3,1"' });
  });

  it('should give the board the lines for the administrators and copy them', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage(fakeRoster());
    const section = await screen.findByTestId('rollout-accounts');
    const text = within(section).getByRole('textbox', { name: 'Linjer til administratorene' }) as HTMLTextAreaElement;
    expect(text.value).toBe('Navn;E-post;Rolle;Arbeidssted\nLiv Hauge;liv@privat.example;KTV;Alver sjukeheim');
    expect(text.readOnly).toBe(true);
    await userEvent.click(within(section).getByRole('button', { name: 'Kopier' }));
    expect(writeText).toHaveBeenCalledWith(text.value);
    expect(await within(section).findByText('Kopiert.')).toBeTruthy();
  });

  it('should ask the board to copy by hand when the clipboard is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) }, configurable: true });
    renderPage(fakeRoster());
    const section = await screen.findByTestId('rollout-accounts');
    await userEvent.click(within(section).getByRole('button', { name: 'Kopier' }));
    expect(await within(section).findByText(/Merk teksten og kopier den selv/)).toBeTruthy();
  });

  it('should show a steward the same counts, read-only, and read without writing', async () => {
    const roster = fakeRoster();
    renderPage(roster, { role: 'steward' });
    await screen.findByTestId('rollout-people');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Legg til tillitsvalgt' })).toBeNull();
    expect(screen.queryByRole('button', { name: /til i teamet/ })).toBeNull();
    expect(screen.queryByTestId('rollout-accounts')).toBeNull();
    expect(screen.queryByTestId('rollout-steps')).toBeNull();
    expect(screen.getByText('Bare styret kan endre listen.')).toBeTruthy();
    const klar = within(rowOf('Kari Nordmann')).getAllByRole('cell').find((c) => c.getAttribute('data-step') === 'klarTraining');
    expect(klar?.textContent).toMatch(/^Ja1\. feb\.? 2026$/);
    expect(roster.refresh).toHaveBeenCalledWith(TODAY, { write: false });
  });

  it('should warn that the tenant could not be read, and count what was stored', async () => {
    renderPage(fakeRoster({}, snapshotOf({ facts: null })));
    expect(await screen.findByText('Fikk ikke lest Microsoft 365')).toBeTruthy();
    // Stored: Kari and Ola have Entra ids; Kari was seen in the team.
    const byArea = screen.getByRole('region', { name: 'Etter tariffområde' });
    expect(within(byArea).getByRole('cell', { name: 'Alle: 2 av 3 har Org365-konto' })).toBeTruthy();
    expect(within(byArea).getByRole('cell', { name: 'Alle: 1 av 3 er medlem av teamet' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /til i teamet/ })).toBeNull();
  });

  it('should tell the board how to start when the roster is empty', async () => {
    renderPage(fakeRoster({}, snapshotOf({ reps: [] })));
    expect(await screen.findByText('Ingen tillitsvalgte ennå')).toBeTruthy();
    expect(screen.getByText('Legg til de tillitsvalgte én og én, eller importer dem fra en Excel-fil.')).toBeTruthy();
  });

  it('should bring a goal measured by a step in line with the roster after the board’s read', async () => {
    const plans = fakePlans([goal({ rollout: { stepId: 'klarTraining', roles: ['ptv'] } }), goal({ id: 'g2', rollout: null })]);
    renderPage(fakeRoster(), { plans });
    await waitFor(() => expect(plans.updateGoals).toHaveBeenCalledTimes(1));
    expect(plans.updateGoals).toHaveBeenCalledWith([{ id: 'g1', ifMatch: '"g,1"', patch: { kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: 50 } } }]);
  });

  it('should leave the goals alone for a steward', async () => {
    const plans = fakePlans([goal({ rollout: { stepId: 'klarTraining', roles: ['ptv'] } })]);
    renderPage(fakeRoster(), { plans, role: 'steward' });
    await screen.findByTestId('rollout-people');
    await waitFor(() => expect(plans.load).toHaveBeenCalled());
    expect(plans.updateGoals).not.toHaveBeenCalled();
  });

  it('should save the board’s steps on the plan with its eTag, and explain when there is no plan', async () => {
    const roster = fakeRoster();
    renderPage(roster);
    const section = await screen.findByTestId('rollout-steps');
    await userEvent.type(within(section).getByRole('textbox', { name: 'Nytt trinn' }), 'Verneombudskurs');
    await userEvent.click(within(section).getByRole('button', { name: 'Legg til trinn' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Ta Kurs i Teams ut av bruk' }));
    await userEvent.click(within(section).getByRole('button', { name: 'Lagre trinnene' }));
    expect(await within(section).findByText('Trinnene er lagret.')).toBeTruthy();
    const [steps, plan] = vi.mocked(roster.saveSteps).mock.calls[0] ?? [];
    expect(plan).toEqual({ id: '7', etag: '"p,1"' });
    expect(steps?.find((s) => s.id === 'teamsTraining')?.retired).toBe(true);
    expect(steps?.[steps.length - 1]).toEqual({ id: 'custom6', label: 'Verneombudskurs', kind: 'manual', retired: false });
    // The new step is a column and a filter at once.
    expect(screen.getByRole('button', { name: 'Mangler: Verneombudskurs (3)' })).toBeTruthy();
    cleanup();
    renderPage(fakeRoster({}, snapshotOf({ plan: null })));
    const noPlan = await screen.findByTestId('rollout-steps');
    expect(within(noPlan).getByText(/Opprett eller importer handlingsplanen først/)).toBeTruthy();
    expect(within(noPlan).queryByRole('button', { name: 'Lagre trinnene' })).toBeNull();
  });

  it('should offer reload or overwrite when the plan was saved by someone else', async () => {
    const saveSteps = vi.fn<RosterPort['saveSteps']>().mockRejectedValueOnce(new ConflictError('plan', '7')).mockResolvedValue({ etag: '"p,3"' });
    const refresh = vi.fn<RosterPort['refresh']>().mockResolvedValueOnce(snapshotOf()).mockResolvedValue(snapshotOf({ plan: { id: '7', etag: '"p,2"' } }));
    const roster = fakeRoster({ saveSteps, refresh });
    renderPage(roster);
    const section = await screen.findByTestId('rollout-steps');
    await userEvent.type(within(section).getByRole('textbox', { name: 'Navn på trinn 5' }), 'KL*AR-skolering');
    await userEvent.click(within(section).getByRole('button', { name: 'Lagre trinnene' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Noen andre har endret handlingsplanen' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Overskriv med mine' }));
    expect(await within(section).findByText('Trinnene er lagret.')).toBeTruthy();
    expect(saveSteps).toHaveBeenLastCalledWith(expect.arrayContaining([expect.objectContaining({ id: 'klarTraining', label: 'KL*AR-skolering' })]), { id: '7', etag: '"p,2"' });
  });
});
