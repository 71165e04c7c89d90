/**
 * The rollout view's pure view-model: which people the list shows, who can be invited, the lines
 * the board copies for the tenant's administrators, and the rollout chart's days, scale and
 * geometry. No React and no I/O, so it is tested without a browser; the rules themselves are in
 * domain/roster.ts.
 */
import type { NewRepresentative, RepresentativePatch, RosterSnapshot } from '../../domain/roster-port';
import type { MessageKey } from '../../i18n';
import { BUILT_IN_STEPS, MAX_STEP_LABEL, isEmailAddress, missingStep, normaliseAddress, stepDay, stepDone, type DirectoryFacts, type RepArea, type Representative, type RepRole, type RolloutStep } from '../../domain/roster';

/** The steps shown as columns, counted and offered as filters: the ones not retired. */
export const shownSteps = (steps: readonly RolloutStep[]): RolloutStep[] => steps.filter((s) => !s.retired);

/** The account step (the tenant's): the first step of that kind, retired or not. */
const accountStep = (steps: readonly RolloutStep[]) => steps.find((s) => s.kind === 'account') ?? null;
const teamStep = (steps: readonly RolloutStep[]) => steps.find((s) => s.kind === 'teamMember') ?? null;

/**
 * The people the list shows: those missing a step (active only) when a filter is set, otherwise
 * the active ones, and the retired too when asked; sorted by name in the user's language.
 */
export function visibleReps(
  reps: readonly Representative[],
  filter: RolloutStep | null,
  showRetired: boolean,
  facts: DirectoryFacts | null,
  locale: string,
): Representative[] {
  const chosen = filter ? missingStep(reps, filter, facts) : reps.filter((r) => showRetired || !r.retired);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...chosen].sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/**
 * Whether the board can add the representative to the team: the tenant was read, it has an
 * account for them, and that account is not a member yet. Retired people are not invited.
 */
export function canInvite(rep: Representative, steps: readonly RolloutStep[], facts: DirectoryFacts | null): boolean {
  if (!facts || rep.retired || !facts.accounts.has(rep.id)) return false;
  const step = teamStep(steps) ?? { id: 'team', label: null, kind: 'teamMember' as const, retired: false };
  return !stepDone(rep, step, facts);
}

/** The active representatives the tenant has no account for (the tenant's administrators create them). */
export function withoutAccount(reps: readonly Representative[], steps: readonly RolloutStep[], facts: DirectoryFacts | null): Representative[] {
  const step = accountStep(steps) ?? { id: 'org365', label: null, kind: 'account' as const, retired: false };
  return reps.filter((r) => !r.retired && !stepDone(r, step, facts));
}

/**
 * One cell of the semicolon-separated lines: quoted when it holds the separator, a quote or a line
 * break; a leading =, +, -, @ (a formula when pasted into a spreadsheet) is neutralised with an
 * apostrophe, as OWASP recommends for CSV.
 */
export function textCell(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, ' ').trim();
  const safe = /^[=+\-@\t]/.test(flat) ? `'${flat}` : flat;
  return /[;"]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The lines the board copies for the tenant's administrators: a header line, then one line per person. */
export function accountsText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((cells) => cells.map(textCell).join(';')).join('\n');
}

/**
 * A representative as the board's write returned it, put into the snapshot: marks the person
 * confirmed themselves (by 'self', kept in another list) stay unless the board's write set that step.
 */
export function withRep(snapshot: RosterSnapshot, rep: Representative): RosterSnapshot {
  return {
    ...snapshot,
    reps: snapshot.reps.map((old) => {
      if (old.id !== rep.id) return old;
      const own = Object.fromEntries(Object.entries(old.marks).filter(([, mark]) => mark.by === 'self'));
      return { ...rep, marks: { ...own, ...rep.marks } };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The rollout over time

/** The earliest day any active representative did any shown step, or null when none has. */
export function earliestStepDay(reps: readonly Representative[], steps: readonly RolloutStep[]): string | null {
  let earliest: string | null = null;
  for (const rep of reps) {
    if (rep.retired) continue;
    for (const step of shownSteps(steps)) {
      const day = stepDay(rep, step);
      if (day !== null && /^\d{4}-\d{2}-\d{2}$/.test(day) && (earliest === null || day < earliest)) earliest = day;
    }
  }
  return earliest;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

function nextMonth(first: string): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The chart's days: the first day of each month from the month of `from` up to today, and today
 * itself (where the rollout stands now); at most `max` of them, the latest kept.
 */
export function chartDays(from: string, today: string, max = 24): string[] {
  const days: string[] = [];
  const start = from <= today ? monthStart(from) : monthStart(today);
  for (let day = start; day <= today; day = nextMonth(day)) days.push(day);
  if (days[days.length - 1] !== today) days.push(today);
  return days.slice(-Math.max(1, max));
}

/** The chart's first day: the earliest step done, else the plan period's first day, else today. */
export function chartStart(reps: readonly Representative[], steps: readonly RolloutStep[], periodFrom: number | null, today: string): string {
  return earliestStepDay(reps, steps) ?? (periodFrom !== null ? `${periodFrom}-01-01` : today);
}

/** A y axis from 0 in at most about `intervals` round steps (1, 2 or 5 times a power of ten, whole numbers) reaching at least `top`. */
export function niceScale(top: number, intervals = 5): { max: number; ticks: number[] } {
  const high = Math.max(1, Math.ceil(top));
  const raw = high / Math.max(1, intervals);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const max = Math.ceil(high / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += whole) ticks.push(v);
  return { max, ticks };
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface LineChart {
  readonly box: ChartBox;
  readonly lines: ReadonlyArray<{ readonly stepId: string; readonly points: ReadonlyArray<{ readonly x: number; readonly y: number; readonly value: number }> }>;
  readonly yTicks: ReadonlyArray<{ readonly value: number; readonly y: number }>;
  /** The days labelled on the x axis (thinned so that labels do not collide). */
  readonly xLabels: ReadonlyArray<{ readonly day: string; readonly x: number }>;
  readonly baseY: number;
}

/**
 * The chart's geometry in a viewBox: x spaced by calendar day, y from 0 to a round maximum at
 * least the people counted (so a full line reaches the top only when everyone has the step).
 */
export function lineChart(
  series: ReadonlyArray<{ readonly day: string; readonly counts: Readonly<Record<string, number>> }>,
  stepIds: readonly string[],
  total: number,
  box: ChartBox,
  minLabelSpacing = 56,
): LineChart {
  const values = series.flatMap((p) => stepIds.map((id) => p.counts[id] ?? 0));
  const scale = niceScale(Math.max(total, ...values, 1));
  const plotHeight = box.height - box.top - box.bottom;
  const plotWidth = box.width - box.left - box.right;
  const y = (v: number) => box.top + plotHeight * (1 - v / scale.max);
  const first = series[0]?.day;
  const last = series[series.length - 1]?.day;
  const span = first && last ? daysBetween(first, last) : 0;
  const x = (day: string) => (span === 0 || !first ? box.left + plotWidth / 2 : box.left + (plotWidth * daysBetween(first, day)) / span);
  // Months are labelled (today's point is not, unless it is the only one), thinned from the latest.
  const months = series.filter((p) => p.day.endsWith('-01'));
  const candidates = months.length > 0 ? months : series;
  const every = Math.max(1, Math.ceil((candidates.length * minLabelSpacing) / Math.max(1, plotWidth)));
  const xLabels = candidates.filter((_, i) => (candidates.length - 1 - i) % every === 0).map((p) => ({ day: p.day, x: x(p.day) }));
  return {
    box,
    lines: stepIds.map((stepId) => ({ stepId, points: series.map((p) => ({ x: x(p.day), y: y(p.counts[stepId] ?? 0), value: p.counts[stepId] ?? 0 })) })),
    yTicks: scale.ticks.map((value) => ({ value, y: y(value) })),
    xLabels,
    baseY: y(0),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What a failed write means for the board: someone else wrote first, the item is gone, not allowed, or anything else. */
export type WriteFailure = 'conflict' | 'gone' | 'denied' | 'failed';

export function writeFailure(err: unknown): WriteFailure {
  const name = err instanceof Error ? err.name : '';
  if (name === 'ConflictError') return 'conflict';
  if (name === 'NotFoundError') return 'gone';
  const status = typeof err === 'object' && err !== null && 'status' in err ? (err as { status: unknown }).status : null;
  if (name === 'AccessDeniedError' || status === 403) return 'denied';
  return 'failed';
}

// ---------------------------------------------------------------------------------------------
// The add/edit form

export interface RepForm {
  name: string;
  email: string;
  role: RepRole;
  area: RepArea | '';
  workplace: string;
}

export const formOf = (rep: Representative | null): RepForm => ({
  name: rep?.name ?? '',
  email: rep?.email ?? '',
  role: rep?.role ?? 'ptv',
  area: rep?.area ?? '',
  workplace: rep?.workplace ?? '',
});

export type FormErrors = Partial<Record<'name' | 'email', MessageKey>>;

/** The form's values as a new representative, or what is wrong with them. */
export function validateRep(form: RepForm, others: readonly Representative[]): { value: NewRepresentative | null; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  const email = form.email.trim();
  if (name === '') errors.name = 'rollout.validation.name';
  if (!isEmailAddress(email)) errors.email = 'rollout.validation.email';
  else if (others.some((r) => normaliseAddress(r.email) === normaliseAddress(email))) errors.email = 'rollout.validation.duplicate';
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return { value: { name, email, role: form.role, area: form.area === '' ? null : form.area, workplace: form.workplace.trim() }, errors };
}


/** Only what changed, so that an edit does not overwrite fields it did not touch. */
export function patchOf(rep: Representative, value: NewRepresentative): RepresentativePatch {
  const patch: { -readonly [K in keyof RepresentativePatch]: RepresentativePatch[K] } = {};
  if (value.name !== rep.name) patch.name = value.name;
  if (value.email !== rep.email) patch.email = value.email;
  if (value.role !== rep.role) patch.role = value.role;
  if (value.area !== rep.area) patch.area = value.area;
  if (value.workplace !== rep.workplace) patch.workplace = value.workplace;
  return patch;
}

// ---------------------------------------------------------------------------------------------
// The steps editor

/**
 * The board's draft of the steps as they are saved: names trimmed (and cut to MAX_STEP_LABEL), an
 * empty name on a built-in step gives it its translated name back (label null); the board's own
 * steps without a name are reported, by id.
 */
export function cleanSteps(draft: readonly RolloutStep[]): { steps: RolloutStep[]; missingNames: string[] } {
  const missingNames: string[] = [];
  const steps = draft.map((step) => {
    const label = step.label?.trim().slice(0, MAX_STEP_LABEL) ?? '';
    if (label === '' && !BUILT_IN_STEPS.some((b) => b.id === step.id)) missingNames.push(step.id);
    return { ...step, label: label === '' ? null : label };
  });
  return { steps, missingNames };
}
