/**
 * The charts (@fluentui/react-charts, loaded on demand) through the local Teams host in Chromium,
 * with the demo plans: a measured goal's trend with its expected line, a recurring goal's
 * activities per year, the Overview's progress per area and goals by status, and the rollout over
 * time. Each draws an svg with axis values, is announced by its name and a sentence with the
 * figures, has those figures in its table, passes axe in the three Teams themes, fits at 360 px,
 * and runs under the tab's Content-Security-Policy (nothing refused).
 */
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { localDayOf } from '../../src/domain/calendar';
import { planOverview } from '../../src/domain/overview';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { goalProgress } from '../../src/domain/progress';
import { heldPerYear, trendModel, trendRows } from '../../src/features/goal-detail/chart-model';
import { createI18n } from '../../src/i18n/catalogue';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';
import { openTab, setHostTheme } from './support/host';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
const asker = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!alver || !asker) throw new Error('demo team missing');
const nb = createI18n('nb');
const today = () => localDayOf(new Date());
/** Intl's no-break spaces ('61 %', '36 000') as the plain spaces a regular expression is written with. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const escape = (text: string) => plain(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function load(team: (typeof DEMO_TEAMS)[number]): Promise<PlanSnapshot> {
  const snapshot = await repositoryAs(team.owners[0] as string, team.id).load();
  if (!snapshot) throw new Error('demo plan missing');
  return snapshot;
}

/** Collects what the tab's Content-Security-Policy refuses (Chromium reports it on the console). */
function cspViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}

async function openView(page: Page, team: (typeof DEMO_TEAMS)[number], subEntityId?: string, theme: 'default' | 'dark' | 'contrast' = 'default'): Promise<FrameLocator> {
  const tab = await openTab(page, { user: team.owners[0] as string, team: team.displayName, locale: 'nb-NO', view: 'tab', theme, ...(subEntityId ? { subEntityId } : {}) });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  return tab;
}

/** The figure's drawing: an svg the library drew, with its axis tick labels. */
async function tickLabels(figure: Locator): Promise<string[]> {
  const svg = figure.locator('[data-chart-drawing] svg').first();
  await expect(svg).toBeVisible({ timeout: 30_000 });
  await expect(svg.locator('g.tick text').first()).toBeAttached();
  return (await svg.locator('g.tick text').allTextContents()).map(plain);
}

/** Opens the figure's table and returns its rows as text, header cells first. */
async function tableRows(figure: Locator, toggle = 'Vis som tabell'): Promise<string[][]> {
  await figure.getByText(toggle, { exact: true }).click();
  const table = figure.getByRole('table');
  await expect(table).toBeVisible();
  return table.locator('tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' '))));
}

test('a measured goal’s trend: values, target and expected line on axes with values, told and tabled in bokmål', async ({ page }) => {
  const refused = cspViolations(page);
  const data = await load(alver);
  const goal = data.goals.find((g) => g.kind === 'measured' && !g.rollout && g.measure?.target != null && data.checkIns.filter((c) => c.goalId === g.id && c.value !== null).length >= 2) as LocalGoal;
  if (!goal) throw new Error('no measured goal with a target and check-ins in the demo plan');
  const own = data.checkIns.filter((c) => c.goalId === goal.id);
  const progress = goalProgress(goal, own, data.plan, today());
  const model = trendModel(goal, own, progress, data.plan, today());
  if (!model?.expected) throw new Error('no trend');
  const unit = model.unit ? ` ${model.unit}` : '';

  const tab = await openView(page, alver, `goal:${goal.id}`);
  const figure = tab.getByRole('figure', { name: 'Rapporterte verdier mot målet' });
  const labels = await tickLabels(figure);
  // The y axis has its values; the x axis names months.
  for (const value of model.yTicks) expect(labels).toContain(plain(nb.formatNumber(value)));
  expect(labels.some((label) => /^[a-zæøå]+\.? \d{4}$/i.test(label))).toBe(true);
  // The target and the expected line are drawn dashed (the reported values solid).
  expect(await figure.locator('[data-chart-drawing] svg line[stroke-dasharray]:not([visibility="hidden"])').count()).toBeGreaterThanOrEqual(2);

  const image = figure.getByRole('img', { name: 'Rapporterte verdier mot målet' });
  const latest = model.values[model.values.length - 1];
  await expect(image).toHaveAccessibleDescription(
    new RegExp(
      `^${model.values.length} verdier er rapportert fra ${escape(nb.formatDate(model.values[0]!.date))} til ${escape(nb.formatDate(latest!.date))}; den siste er ${escape(nb.formatNumber(latest!.value) + unit)}\\. ` +
        `Målet er ${escape(nb.formatNumber(model.expected.to.value) + unit)} innen ${escape(nb.formatDate(model.expected.to.date))}, fra ${escape(nb.formatNumber(model.expected.from.value) + unit)} den ${escape(nb.formatDate(model.expected.from.date))}; i dag var .+ forventet\\.$`,
    ),
  );
  const rows = await tableRows(figure);
  expect(rows[0]).toEqual(['Dato', 'Rapportert', 'Forventet utvikling']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(trendRows(model).map((r) => plain(nb.formatDate(r.date))));
  for (const value of model.values) expect(rows.some((r) => r[1] === plain(nb.formatNumber(value.value) + unit))).toBe(true);
  expect(rows[rows.length - 1]?.[2]).toBe(plain(nb.formatNumber(model.expected.to.value) + unit));
  expect(refused).toEqual([]);
});

test('a recurring goal’s activities held per year against the year’s target', async ({ page }) => {
  const refused = cspViolations(page);
  const data = await load(alver);
  const goal = data.goals.find((g) => g.kind === 'recurring' && data.checkIns.some((c) => c.goalId === g.id)) as LocalGoal;
  if (!goal) throw new Error('no recurring goal with check-ins in the demo plan');
  const own = data.checkIns.filter((c) => c.goalId === goal.id);
  const years = heldPerYear(goal, own, goalProgress(goal, own, data.plan, today()), data.plan);

  const tab = await openView(page, alver, `goal:${goal.id}`);
  const figure = tab.getByRole('figure', { name: 'Gjennomført per år' });
  const labels = await tickLabels(figure);
  for (const y of years) expect(labels).toContain(String(y.year));
  expect(labels).toContain('0');
  await expect(figure.getByRole('img', { name: 'Gjennomført per år' })).toHaveAccessibleDescription(
    `Gjennomført mot målet, per år: ${years.map((y) => `${y.year}: ${y.held} av ${y.required}`).join('; ')}.`,
  );
  expect(await tableRows(figure)).toEqual([['År', 'Gjennomført', 'Mål for året'], ...years.map((y) => [String(y.year), String(y.held), String(y.required)])]);
  expect(refused).toEqual([]);
});

for (const team of [alver, asker]) {
  test(`the overview’s charts for ${team.displayName}: progress per area (nothing to count is said, never 0 %) and goals by status`, async ({ page }) => {
    const refused = cspViolations(page);
    const data = await load(team);
    const overview = planOverview(data, today());
    const tab = await openView(page, team);
    const section = tab.getByRole('region', { name: 'Planen i diagrammer' });

    const areas = section.getByRole('figure', { name: 'Fremdrift per område i prosent' });
    const labels = await tickLabels(areas);
    for (const percent of [0, 25, 50, 75, 100]) expect(labels).toContain(plain(nb.formatPercent(percent / 100)));
    const said = overview.areas.map(({ area, summary }) => {
      const value = summary.fraction === null ? null : plain(nb.formatPercent(Math.round(summary.fraction * 100) / 100));
      // The axis label carries the value, or says the area has nothing to count yet.
      expect(labels).toContain(`Område ${area.number}: ${value ?? 'ikke telt ennå'}`);
      return { area, value };
    });
    await expect(areas.getByRole('img')).toHaveAccessibleDescription(
      `Fremdrift per område: ${said.map(({ area, value }) => `Område ${area.number}: ${value ?? 'Ingen fremdrift å telle ennå'}`).join('; ')}.`,
    );
    const rows = await tableRows(areas);
    expect(rows.slice(1).map((r) => r[1])).toEqual(said.map(({ value }) => value ?? 'Ingen fremdrift å telle ennå'));

    const status = section.getByRole('figure', { name: 'Mål etter status' });
    await expect(status.locator('[data-chart-drawing] svg path').first()).toBeVisible({ timeout: 30_000 });
    await expect(status.locator('[data-chart-drawing]')).toContainText(`${overview.plan.total} mål`);
    await expect(status.getByRole('img')).toHaveAccessibleDescription(new RegExp(`^Planen har ${overview.plan.total} mål: `));
    const statusRows = await tableRows(status);
    expect(statusRows[statusRows.length - 1]).toEqual([
      'Hele planen',
      ...(['notStarted', 'onTrack', 'atRisk', 'behind', 'done'] as const).map((s) => String(overview.plan.byStatus[s])),
      String(overview.plan.total),
    ]);
    expect(statusRows).toHaveLength(overview.areas.length + 2);
    expect(refused).toEqual([]);
  });
}

test('the rollout over time is drawn by the library with its axes, legend, summary and table', async ({ page }) => {
  const refused = cspViolations(page);
  const tab = await openView(page, alver, 'rollout');
  const chart = tab.getByTestId('rollout-chart');
  const figure = chart.getByRole('figure', { name: 'Utrullingen over tid' });
  const labels = await tickLabels(figure);
  expect(labels).toContain('0');
  expect(labels.some((label) => /^[a-zæøå]+\.? \d{2}$/i.test(label))).toBe(true);
  await expect(figure.getByRole('img', { name: 'Utrullingen over tid' })).toHaveAccessibleDescription(/^Linjediagram: hvor mange av dagens \d+ tillitsvalgte som hadde fullført hvert trinn, fra .+ til .+\.$/);
  await expect(figure.getByRole('list', { name: 'Trinn' }).getByRole('listitem')).not.toHaveCount(0);
  const rows = await tableRows(figure, 'Vis tallene som tabell');
  expect(rows[0]?.[0]).toBe('Dato');
  expect(rows.slice(1).every((r) => r.slice(1).every((cell) => /^\d+ av \d+$/.test(cell)))).toBe(true);
  expect(refused).toEqual([]);
});

test('the charts have no serious axe violations in the default, dark and contrast themes, with their tables open', async ({ page }) => {
  test.setTimeout(180_000);
  const data = await load(alver);
  const measured = data.goals.find((g) => g.kind === 'measured' && !g.rollout && data.checkIns.some((c) => c.goalId === g.id && c.value !== null));
  const recurring = data.goals.find((g) => g.kind === 'recurring' && data.checkIns.some((c) => c.goalId === g.id));
  if (!measured || !recurring) throw new Error('demo plan changed');
  for (const view of [undefined, `goal:${measured.id}`, `goal:${recurring.id}`]) {
    const tab = await openView(page, alver, view);
    const figures = tab.locator('figure[data-chart]');
    await expect(figures.first().locator('[data-chart-drawing] svg').first()).toBeVisible({ timeout: 30_000 });
    for (const toggle of await figures.getByText('Vis som tabell', { exact: true }).all()) await toggle.click();
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await setHostTheme(page, theme);
      await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousA11yViolations(page);
    }
  }
});

test('at 360 px the charts fit: nothing scrolls sideways on the overview or the goal page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const data = await load(alver);
  const measured = data.goals.find((g) => g.kind === 'measured' && !g.rollout && data.checkIns.some((c) => c.goalId === g.id && c.value !== null));
  if (!measured) throw new Error('demo plan changed');
  for (const view of [undefined, `goal:${measured.id}`]) {
    const tab = await openView(page, alver, view);
    const drawings = tab.locator('figure[data-chart] [data-chart-drawing] svg');
    await expect(drawings.first()).toBeVisible({ timeout: 30_000 });
    for (const toggle of await tab.locator('figure[data-chart]').getByText('Vis som tabell', { exact: true }).all()) await toggle.click();
    const size = await tab.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(size.client).toBeLessThanOrEqual(360);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    const rights = await drawings.evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().right));
    for (const right of rights) expect(right).toBeLessThanOrEqual(size.client);
  }
});
