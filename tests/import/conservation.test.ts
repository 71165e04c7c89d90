/**
 * Conservation: every line of a source plan ends up in exactly one place of the draft — an area
 * title, a national goal, a strategy, a goal, a situation cell, 'not placed', or the frame the
 * importer read and set aside (introduction, heading, label, template text, page furniture).
 *
 * Checked as multisets of words on every fixture, in every format: each word of the source is
 * found once in the draft, and the draft holds no word twice that the source holds once.
 * The generated PDF adds a running header and page numbers of its own: those are furniture.
 */
import { describe, expect, it } from 'vitest';
import { importPlan, type PlanDraft } from '../../src/import/index.ts';
import { docxFromText, pdfFromText } from './helpers/from-text.ts';
import { EXTRAS, SAMPLES, type Sample } from './helpers/samples.ts';

/** Words with a letter, lower case, split as the scorer splits (bullets, dashes and punctuation are no words). */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((w) => /\p{L}/u.test(w));
}

function bag(texts: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Every text the draft holds, each once (a goal's nationalGoal repeats a national goal: not a place). */
export function draftTexts(d: PlanDraft, options: { furniture: boolean }): string[] {
  return [
    ...d.areas.flatMap((a) => [a.title, ...a.nationalGoals, ...a.strategies, ...a.localGoals.map((g) => g.text)]),
    ...d.situation.flatMap((r) => [r.area, r.now, r.shortTerm, r.longTerm]),
    ...d.unplaced,
    ...(d.notUsed ?? []).filter((n) => options.furniture || n.kind !== 'furniture').map((n) => n.text),
  ];
}

/** Words the source has more of than the draft (lost) and the draft more of than the source (doubled). */
export function difference(source: string, draft: readonly string[]): { lost: string[]; doubled: string[] } {
  const a = bag([source]);
  const b = bag(draft);
  const lost: string[] = [];
  const doubled: string[] = [];
  for (const [w, n] of a) if ((b.get(w) ?? 0) < n) lost.push(`${w}×${n - (b.get(w) ?? 0)}`);
  for (const [w, n] of b) if ((a.get(w) ?? 0) < n) doubled.push(`${w}×${n - (a.get(w) ?? 0)}`);
  return { lost, doubled };
}

async function draftOf(sample: Sample, type: 'txt' | 'docx' | 'pdf'): Promise<PlanDraft> {
  if (type === 'txt') return importPlan(sample.bytes, `${sample.name}.txt`);
  const doc = type === 'docx' ? await docxFromText(sample.bytes) : await pdfFromText(sample.bytes);
  return importPlan(doc, `${sample.name}.${type}`);
}

describe('conservation: nothing is dropped, nothing doubled', () => {
  for (const sample of [...SAMPLES, ...EXTRAS]) {
    // Export markers ('[bookmark: _Hlk…]', '[image: ]') are the converter's, not the plan's text.
    const source = new TextDecoder().decode(sample.bytes).replace(/\[(?:bookmark|image)\s*:[^\]]*\]/gi, ' ');
    for (const type of ['txt', 'docx', 'pdf'] as const) {
      it(`${sample.name}.${type}`, async () => {
        const draft = await draftOf(sample, type);
        const { lost, doubled } = difference(source, draftTexts(draft, { furniture: true }));
        expect(lost).toEqual([]);
        if (type !== 'pdf') {
          expect(doubled).toEqual([]);
        } else {
          // The generated PDF adds a running header and page numbers of its own: only furniture may add words.
          const furniture = new Set((draft.notUsed ?? []).filter((n) => n.kind === 'furniture').flatMap((n) => words(n.text)));
          expect(doubled.filter((w) => !furniture.has(w.split('×')[0] ?? ''))).toEqual([]);
        }
      });
    }
  }
});
