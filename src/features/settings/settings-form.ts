/** The plan-settings form as typed, its validation and the patch it saves. Pure; unit-tested. */
import type { Plan, PlanLanguage } from '../../domain/plan';
import type { NewPlan } from '../../domain/ports';

export interface SettingsForm {
  union: string;
  periodFrom: string;
  periodTo: string;
  /** YYYY-MM-DD or ''. */
  adoptedDate: string;
  language: PlanLanguage;
}

export type SettingsErrors = Partial<
  Record<keyof SettingsForm, 'settings.validation.union' | 'settings.validation.year' | 'settings.validation.period' | 'settings.validation.date'>
>;

export function settingsFormOf(plan: Plan): SettingsForm {
  return {
    union: plan.union,
    periodFrom: String(plan.periodFrom),
    periodTo: String(plan.periodTo),
    adoptedDate: plan.adoptedDate ?? '',
    language: plan.language,
  };
}

const year = (s: string): number | null => (/^\s*\d{4}\s*$/.test(s) ? Number(s.trim()) : null);

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function settingsPatch(form: SettingsForm): { patch: Partial<NewPlan>; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const union = form.union.trim();
  if (!union) errors.union = 'settings.validation.union';
  const from = year(form.periodFrom);
  const to = year(form.periodTo);
  if (from === null) errors.periodFrom = 'settings.validation.year';
  if (to === null) errors.periodTo = 'settings.validation.year';
  if (from !== null && to !== null && to < from) errors.periodTo = 'settings.validation.period';
  const adopted = form.adoptedDate.trim();
  if (adopted && !isRealDate(adopted)) errors.adoptedDate = 'settings.validation.date';
  return {
    patch: { union, periodFrom: from ?? 0, periodTo: to ?? 0, adoptedDate: adopted || null, language: form.language },
    errors,
  };
}
