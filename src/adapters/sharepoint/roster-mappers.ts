/**
 * Pure mapping between the roster lists' items (schema.ts `roster`, `rosterConfirmations`) and the
 * rollout's domain model (domain/roster.ts). Values typed by hand in Microsoft Lists that the app does
 * not understand are read as absent, never as exceptions.
 */
import { REP_ROLES, type RepRole, type TariffArea } from '../../domain/plan';
import type { NewRepresentative, RepresentativePatch } from '../../domain/roster-port';
import type { Representative, SelfConfirmation, StepMark } from '../../domain/roster';
import { dateOnly, dateOnlyValue, optStr, str, type Fields, type ListItem } from './mappers';
import { REP_ROLE_LABELS, TARIFF_LABELS } from './schema';

const ROLE_BY_LABEL = new Map<string, RepRole>(REP_ROLES.map((role) => [REP_ROLE_LABELS[role], role]));
const AREA_BY_LABEL = new Map<string, TariffArea>(Object.entries(TARIFF_LABELS).map(([area, label]) => [label, area as TariffArea]));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function json(f: Fields, name: string): Record<string, unknown> {
  const raw = optStr(f, name);
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function marksOf(f: Fields): Record<string, StepMark> {
  const marks: Record<string, StepMark> = {};
  for (const [stepId, value] of Object.entries(json(f, 'StepMarks'))) {
    const mark = value as { on?: unknown; by?: unknown } | null;
    // Only the board's marks are stored here; a representative's own are items of their own list.
    if (mark && typeof mark.on === 'string' && DAY.test(mark.on)) marks[stepId] = { on: mark.on, by: 'board' };
  }
  return marks;
}

function seenOf(f: Fields): Record<string, string> {
  const seen: Record<string, string> = {};
  for (const [stepId, day] of Object.entries(json(f, 'StepsSeen'))) if (typeof day === 'string' && DAY.test(day)) seen[stepId] = day;
  return seen;
}

export function toRepresentative(item: ListItem): Representative {
  const f = item.fields ?? {};
  return {
    id: item.id,
    name: str(f, 'Title'),
    email: str(f, 'Email').trim(),
    role: ROLE_BY_LABEL.get(str(f, 'RepRole')) ?? 'other',
    area: AREA_BY_LABEL.get(str(f, 'RepArea')) ?? null,
    workplace: str(f, 'Workplace'),
    entraId: optStr(f, 'EntraId'),
    marks: marksOf(f),
    seen: seenOf(f),
    retired: f.Retired === true,
    etag: item.eTag,
  };
}

/** The staged state of a roster row: the import writing it, and the row it stands for. */
export function stagingOf(item: ListItem): { importId: string | null; replaces: string | null } {
  const f = item.fields ?? {};
  const state = optStr(f, 'ImportState');
  return { importId: state?.startsWith('pending:') ? state.slice('pending:'.length) : null, replaces: optStr(f, 'Replaces') };
}

/**
 * The rows the roster holds: ordinary rows, and the staged rows of the committed import (which stand
 * in for the rows they replace). Rows staged by any other import are not (yet, or ever) written.
 */
export function visibleRows(items: readonly ListItem[], committedImport: string | null): ListItem[] {
  const replaced = new Set<string>();
  for (const item of items) {
    const { importId, replaces } = stagingOf(item);
    if (importId !== null && importId === committedImport && replaces) replaced.add(replaces);
  }
  return items.filter((item) => {
    const { importId } = stagingOf(item);
    return (importId === null || importId === committedImport) && !replaced.has(item.id);
  });
}

export function repFields(rep: RepresentativePatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rep.name !== undefined) out.Title = rep.name.trim().slice(0, 255);
  if (rep.email !== undefined) out.Email = rep.email.trim();
  if (rep.role !== undefined) out.RepRole = REP_ROLE_LABELS[rep.role];
  if (rep.area !== undefined) out.RepArea = rep.area ? TARIFF_LABELS[rep.area] : null;
  if (rep.workplace !== undefined) out.Workplace = rep.workplace.trim().slice(0, 255);
  if (rep.retired !== undefined) out.Retired = rep.retired;
  return out;
}

/** The board's marks as stored (a representative's own confirmations are never written here). */
export function marksValue(marks: Readonly<Record<string, StepMark>>): string {
  const board = Object.entries(marks).filter(([, mark]) => mark.by === 'board');
  return board.length ? JSON.stringify(Object.fromEntries(board.map(([stepId, mark]) => [stepId, { on: mark.on }]))) : '';
}

export function seenValue(seen: Readonly<Record<string, string>>): string {
  return Object.keys(seen).length ? JSON.stringify(seen) : '';
}

/** Every field of a representative, for a staged row that stands for an existing one. */
export function fullRepFields(rep: Representative | NewRepresentative): Record<string, unknown> {
  const stored = 'id' in rep ? { EntraId: rep.entraId ?? '', StepMarks: marksValue(rep.marks), StepsSeen: seenValue(rep.seen), Retired: rep.retired } : { Retired: false };
  return { ...repFields({ name: rep.name, email: rep.email, role: rep.role, area: rep.area, workplace: rep.workplace }), ...stored };
}

/** A confirmation item; null when it is not one (no creator, no step, no day). */
export function toConfirmation(item: ListItem): SelfConfirmation | null {
  const f = item.fields ?? {};
  const userId = item.createdBy?.user?.id;
  const stepId = str(f, 'StepId');
  const on = dateOnly(optStr(f, 'DoneOn'));
  return userId && stepId && on ? { userId, stepId, on } : null;
}

export function confirmationFields(stepId: string, on: string): Record<string, unknown> {
  return { Title: stepId, StepId: stepId, DoneOn: dateOnlyValue(on) };
}

/** A confirmation's key: one item per person and step. */
export const confirmationKey = (userId: string, stepId: string) => `${userId}:${stepId}`;
