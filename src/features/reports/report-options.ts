/** The Reports view's choices as pure rules: the year to start from, and whether a typed 'since' day can be used. */
import type { Plan } from '../../domain/plan';
import { planYears, type AnnualScope } from '../../domain/report';

export type ReportKind = 'board' | 'annual';

/** The annual report's default: this year while it is in the plan period, else the last year before today, else the whole period. */
export function defaultScope(plan: Pick<Plan, 'periodFrom' | 'periodTo'>, today: string): AnnualScope {
  const year = Number(today.slice(0, 4));
  const years = planYears(plan);
  if (years.includes(year)) return year;
  const before = years.filter((y) => y < year);
  return before.length > 0 ? (before[before.length - 1] as number) : 'period';
}

/** A 'since' day as a date input gives it (YYYY-MM-DD), a real day and not after today. */
export function validSince(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value <= today;
}

/** The scope as a select's value, and back. */
export const scopeValue = (scope: AnnualScope): string => String(scope);
export const scopeFrom = (value: string): AnnualScope => (value === 'period' ? 'period' : Number(value));
