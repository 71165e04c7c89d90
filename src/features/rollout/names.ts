/**
 * The rollout's names in the user's language: built-in steps by their translated names (or the
 * board's label when it renamed one), the board's own steps by their label, roles and bargaining
 * areas (the plan's tariff area labels), and each summary cell's accessible name.
 */
import { useMemo } from 'react';
import type { RepArea, RepRole, RolloutStep } from '../../domain/roster';
import { builtInStepName } from '../../components/progress-text';
import { useI18n, type I18n, type MessageKey } from '../../i18n';

const CELL_NAMES: Readonly<Record<string, MessageKey>> = {
  org365: 'rollout.cell.org365',
  team: 'rollout.cell.team',
  teamsTraining: 'rollout.cell.teamsTraining',
  klarAccess: 'rollout.cell.klarAccess',
  klarTraining: 'rollout.cell.klarTraining',
};

const ROLE_NAMES: Readonly<Record<RepRole, MessageKey>> = {
  ptv: 'rollout.role.ptv',
  ktv: 'rollout.role.ktv',
  htv: 'rollout.role.htv',
  safety: 'rollout.role.safety',
  board: 'rollout.role.board',
  other: 'rollout.role.other',
};

const AREA_NAMES: Readonly<Record<RepArea, MessageKey>> = {
  KS: 'tariff.KS',
  Spekter: 'tariff.Spekter',
  NHO: 'tariff.NHO',
  Stat: 'tariff.Stat',
  Oslo: 'tariff.Oslo',
  Virke: 'tariff.Virke',
  Other: 'tariff.Other',
};

export interface RolloutNames {
  /** The built-in step's translated name, for a step the board renamed (shown as a hint). */
  builtInName(step: RolloutStep): string | null;
  step(step: RolloutStep): string;
  role(role: RepRole): string;
  /** A bargaining area, or 'none'/null for people without one. */
  area(area: RepArea | 'none' | null): string;
  /** A role's or an area's group key as rolloutSummary gives it. */
  group(kind: 'role' | 'area', key: string): string;
  /** 'PTV: 14 av 22 har Org365-konto'. */
  cell(group: string, step: RolloutStep, done: number, total: number): string;
}

export function rolloutNames({ t }: Pick<I18n, 't'>): RolloutNames {
  const builtInName = (step: RolloutStep) => builtInStepName(step.id, t);
  const step = (s: RolloutStep) => s.label ?? builtInName(s) ?? s.id;
  const role = (r: RepRole) => t(ROLE_NAMES[r] ?? 'rollout.role.other');
  const area = (a: RepArea | 'none' | null) => (a === null || a === 'none' ? t('rollout.area.none') : AREA_NAMES[a] ? t(AREA_NAMES[a]) : a);
  return {
    builtInName,
    step,
    role,
    area,
    group: (kind, key) => (kind === 'role' ? role(key as RepRole) : area(key as RepArea | 'none')),
    cell: (group, s, done, total) => {
      const key = s.label === null ? CELL_NAMES[s.id] : undefined;
      return key ? t(key, { group, done, total }) : t('rollout.cell.custom', { group, done, total, step: step(s) });
    },
  };
}

export function useRolloutNames(): RolloutNames {
  const i18n = useI18n();
  return useMemo(() => rolloutNames(i18n), [i18n]);
}
