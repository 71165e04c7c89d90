// @vitest-environment jsdom
/**
 * The charts as screen readers and table readers get them, in bokmål: each figure is an image named
 * by its title and described by a sentence with the figures, and its table (behind 'Vis som
 * tabell') has every figure: a measured goal's trend with its expected line, a recurring goal's
 * activities per year, the Overview's progress per area (an area with nothing to count says so,
 * never 0 %) and goals by status, and the rollout over time.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planOverview } from '../../src/domain/overview';
import type { Area, CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { goalProgress } from '../../src/domain/progress';
import { BUILT_IN_STEPS, type Representative } from '../../src/domain/roster';
import { daysBetween } from '../../src/features/charts/chart-spec';
import { OverviewCharts } from '../../src/features/charts/overview-charts';
import { CheckInChart } from '../../src/features/goal-detail/components/check-in-chart';
import { RolloutChart } from '../../src/features/rollout/components/rollout-chart';
import type { Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const plan = { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb' as const };
const checkIn = (id: string, goalId: string, date: string, value: number | null): CheckIn => ({ id, planId: 'p', goalId, date, value, comment: '', author: null });
const render = (ui: ReactElement) => renderWithServices(ui, {} as Services);
const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** Text with Intl's no-break spaces ('75 %') as plain ones. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\u00a0|\u202f/g, ' ');
/** The text alternative of a chart's image: the sentence its aria-describedby points at. */
const descriptionOf = (image: HTMLElement) => plain(document.getElementById(image.getAttribute('aria-describedby') ?? '')?.textContent);

/** Opens the figure's table as a user does and returns its rows as text, header cells first. */
async function tableOf(figure: HTMLElement, toggle = 'Vis som tabell'): Promise<string[][]> {
  await userEvent.click(within(figure).getByText(toggle));
  const table = within(figure).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => plain(cell.textContent)));
}

beforeAll(async () => {
  // The drawings' library is loaded by import() when a chart first shows (chart-figure.tsx): load
  // it here, once, so that no test's wait depends on how long a large module takes to load on a
  // busy machine (it took more than waitFor's default second under load).
  await import('../../src/features/charts/graphics');
  stubResizeObserver();
  // The library measures label widths on a canvas, which jsdom has not: it falls back to estimates.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}, 60_000);
afterEach(cleanup);

describe('the goal’s charts', () => {
  it('should describe a measured goal’s trend with its values and expected line, and table them', async () => {
    const goal = makeGoal('g', { kind: 'measured', measure: { unit: 'medlemmer', baseline: 0, target: 125, current: null }, due: '2027-12' });
    const checkIns = [checkIn('1', 'g', '2026-05-20', 37.1), checkIn('2', 'g', '2026-10-15', 74.2)];
    const today = '2026-11-01';
    const progress = goalProgress(goal, checkIns, plan, today);
    render(<CheckInChart goal={goal} checkIns={checkIns} progress={progress} plan={plan} today={today} />);

    const image = screen.getByRole('img', { name: 'Rapporterte verdier mot målet' });
    const description = descriptionOf(image);
    expect(description).toBe(
      '2 verdier er rapportert fra 20. mai 2026 til 15. okt. 2026; den siste er 74,2 medlemmer. ' +
        `Målet er 125 medlemmer innen 31. des. 2027, fra 0 medlemmer den 1. jan. 2026; i dag var ${nb.format(Math.round(125 * progress.expected * 10) / 10)} medlemmer forventet.`,
    );
    const legend = screen.getByRole('list', { name: 'Tegnforklaring' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Rapportert', 'Målverdi', 'Forventet utvikling']);

    const rows = await tableOf(screen.getByRole('figure', { name: 'Rapporterte verdier mot målet' }));
    // The value expected on a reported day is read off the line from 0 on 1 Jan 2026 to 125 on 31 Dec 2027.
    const onLine = (day: string) => `${nb.format(Math.round(((125 * daysBetween('2026-01-01', day)) / daysBetween('2026-01-01', '2027-12-31')) * 10) / 10)} medlemmer`;
    expect(rows).toEqual([
      ['Dato', 'Rapportert', 'Forventet utvikling'],
      ['1. jan. 2026', '–', '0 medlemmer'],
      ['20. mai 2026', '37,1 medlemmer', onLine('2026-05-20')],
      ['15. okt. 2026', '74,2 medlemmer', onLine('2026-10-15')],
      ['31. des. 2027', '–', '125 medlemmer'],
    ]);
  });

  it('should describe a recurring goal’s activities held per year against the year’s target, and table them', async () => {
    const goal = makeGoal('r', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const checkIns = [checkIn('1', 'r', '2026-02-10', null), checkIn('2', 'r', '2026-05-01', 2), checkIn('3', 'r', '2027-01-15', 1)];
    render(<CheckInChart goal={goal} checkIns={checkIns} progress={{ start: '2026-01-01', expected: 0 }} plan={plan} today="2027-02-01" />);

    const image = screen.getByRole('img', { name: 'Gjennomført per år' });
    expect(descriptionOf(image)).toBe('Gjennomført mot målet, per år: 2026: 3 av 4; 2027: 1 av 4.');
    expect(await tableOf(screen.getByRole('figure', { name: 'Gjennomført per år' }))).toEqual([
      ['År', 'Gjennomført', 'Mål for året'],
      ['2026', '3', '4'],
      ['2027', '1', '4'],
    ]);
  });

  it('should draw no chart for a milestone', () => {
    const { container } = render(<CheckInChart goal={makeGoal('m')} checkIns={[checkIn('1', 'm', '2026-02-10', 1)]} progress={{ start: '2026-01-01', expected: 0 }} plan={plan} today="2026-03-01" />);
    expect(container.querySelector('figure')).toBeNull();
  });
});

describe('the overview’s charts', () => {
  const area = (id: string, number: number, title: string): Area => ({ id, planId: 'p', number, title, nationalGoals: [], strategies: [] });
  const goals: LocalGoal[] = [
    makeGoal('1', { areaId: 'a1', kind: 'measured', measure: { unit: 'x', baseline: 0, target: 10, current: null } }),
    makeGoal('2', { areaId: 'a1', status: 'done' }),
    makeGoal('3', { areaId: 'a2', status: 'behind' }), // a milestone under way counts ½
    makeGoal('4', { areaId: 'a3' }), // a milestone not under way: nothing to count in area 3
  ];
  const snapshot: PlanSnapshot = {
    plan,
    areas: [area('a1', 1, 'Organisering'), area('a2', 2, 'Lønn'), area('a3', 3, 'Arbeidsmiljø')],
    goals,
    checkIns: [checkIn('c1', '1', '2026-03-01', 5)],
    situation: [],
    comments: [],
    issues: [],
  };
  const overview = planOverview(snapshot, '2026-06-30');

  it('should give progress per area, an area with nothing to count as such and never as 0 %', async () => {
    render(<OverviewCharts overview={overview} />);
    const image = screen.getByRole('img', { name: 'Fremdrift per område i prosent' });
    const description = descriptionOf(image);
    expect(description).toBe('Fremdrift per område: Område 1: 75 %; Område 2: 50 %; Område 3: Ingen fremdrift å telle ennå.');
    expect(description).not.toMatch(/Område 3: 0/);
    const rows = await tableOf(screen.getByRole('figure', { name: 'Fremdrift per område i prosent' }));
    expect(rows).toEqual([
      ['Område', 'Fremdrift', 'Mål telt med'],
      ['Område 1 Organisering', '75 %', '2 av 2 mål telt med'],
      ['Område 2 Lønn', '50 %', '1 av 1 mål telt med'],
      ['Område 3 Arbeidsmiljø', 'Ingen fremdrift å telle ennå', '0 av 1 mål telt med'],
    ]);
  });

  it('should give the plan’s goals by status, and every area’s counts in the table', async () => {
    render(<OverviewCharts overview={overview} />);
    const image = screen.getByRole('img', { name: 'Mål etter status' });
    expect(descriptionOf(image)).toBe('Planen har 4 mål: Ikke startet: 1, I rute: 1, Forsinket: 1, Fullført: 1.');
    const legend = within(screen.getByRole('figure', { name: 'Mål etter status' })).getByRole('list', { name: 'Tegnforklaring' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ikke startet: 1', 'I rute: 1', 'I faresonen: 0', 'Forsinket: 1', 'Fullført: 1']);
    expect(await tableOf(screen.getByRole('figure', { name: 'Mål etter status' }))).toEqual([
      ['Område', 'Ikke startet', 'I rute', 'I faresonen', 'Forsinket', 'Fullført', 'I alt'],
      ['Område 1 Organisering', '0', '1', '0', '0', '1', '2'],
      ['Område 2 Lønn', '0', '0', '0', '1', '0', '1'],
      ['Område 3 Arbeidsmiljø', '1', '0', '0', '0', '0', '1'],
      ['Hele planen', '1', '1', '0', '1', '1', '4'],
    ]);
  });
});

describe('a plan with areas and no goals yet', () => {
  it('should say every area has nothing to count, and leave out the status chart', () => {
    const empty: PlanSnapshot = { plan, areas: [{ id: 'a1', planId: 'p', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] }], goals: [], checkIns: [], situation: [], comments: [], issues: [] };
    render(<OverviewCharts overview={planOverview(empty, '2026-06-30')} />);
    expect(descriptionOf(screen.getByRole('img', { name: 'Fremdrift per område i prosent' }))).toBe('Fremdrift per område: Område 1: Ingen fremdrift å telle ennå.');
    expect(screen.queryByRole('figure', { name: 'Mål etter status' })).toBeNull();
  });
});

describe('the rollout over time', () => {
  const rep = (id: string, over: Partial<Representative> = {}): Representative => ({
    id,
    name: `Rep ${id}`,
    email: `${id}@example.org`,
    role: 'ptv',
    area: 'KS',
    workplace: 'Alver sjukeheim',
    entraId: null,
    marks: {},
    seen: {},
    retired: false,
    etag: '"1"',
    ...over,
  });

  it('should describe the rollout and table each step’s count by month', async () => {
    const reps = [rep('1', { entraId: 'u1', seen: { org365: '2026-01-05' } }), rep('2', { entraId: 'u2', seen: { org365: '2026-02-05' } }), rep('3', { retired: true })];
    render(<RolloutChart reps={reps} steps={BUILT_IN_STEPS} periodFrom={2026} today="2026-03-10" narrow={false} />);
    const section = screen.getByTestId('rollout-chart');
    const image = within(section).getByRole('img', { name: 'Utrullingen over tid' });
    expect(descriptionOf(image)).toBe(
      'Linjediagram: hvor mange av dagens 2 tillitsvalgte som hadde fullført hvert trinn, fra 1. jan. 2026 til 10. mars 2026.',
    );
    const rows = await tableOf(within(section).getByRole('figure'), 'Vis tallene som tabell');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Dato', 'Org365-konto'],
      ['1. jan. 2026', '0 av 2'],
      ['1. feb. 2026', '1 av 2'],
      ['1. mars 2026', '2 av 2'],
      ['10. mars 2026', '2 av 2'],
    ]);
    expect(within(section).getByRole('region', { name: 'Tillitsvalgte som hadde fullført hvert trinn' })).toBeTruthy();
  });
});

describe('the drawing', () => {
  it('should be drawn by the library, inert and hidden from assistive technology (the figure speaks for it)', async () => {
    const goal = makeGoal('r', { kind: 'recurring', recurrence: { count: 4, per: 'year' } });
    const { container } = render(<CheckInChart goal={goal} checkIns={[]} progress={{ start: '2026-01-01', expected: 0 }} plan={plan} today="2026-03-01" />);
    const drawing = container.querySelector('[data-chart-drawing] > div');
    expect(drawing?.hasAttribute('inert')).toBe(true);
    expect(drawing?.getAttribute('aria-hidden')).toBe('true');
    await waitFor(() => expect(container.querySelector('[data-chart-drawing] svg, [data-chart-drawing] .fui-cart__root')).not.toBeNull(), { timeout: 10_000 });
  });
});
