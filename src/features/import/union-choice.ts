/**
 * Which union name a save gives the plan. Replacing a team's plan writes a new plan item with the
 * draft's union; when the team's plan carries another union's name, the board is asked first
 * (keep the current name by default). Merging keeps the team's plan, and so its name: no question.
 */
import type { ImportMode } from '../../domain/plan-import';

/** Union names compared as people read them: case and white space do not matter. */
export function sameUnion(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nb');
  return norm(a) === norm(b);
}

export type UnionChoice =
  /** Ask the board: keep `existing` or rename to `imported`. */
  | { readonly kind: 'ask'; readonly existing: string; readonly imported: string }
  /** No question; `union` overrides the draft's union when given. */
  | { readonly kind: 'decided'; readonly union?: string };

/**
 * `existingUnion`: the team's plan's union (null without a plan); `draftUnion`: the import's (null
 * when the file named none). A draft without a union keeps the team's plan's name on replace
 * rather than taking the team's display name.
 */
export function unionChoice(existingUnion: string | null, draftUnion: string | null, mode: ImportMode): UnionChoice {
  if (existingUnion === null || mode === 'merge') return { kind: 'decided' };
  if (draftUnion === null || draftUnion.trim() === '') return { kind: 'decided', union: existingUnion };
  if (sameUnion(existingUnion, draftUnion)) return { kind: 'decided' };
  return { kind: 'ask', existing: existingUnion, imported: draftUnion };
}
