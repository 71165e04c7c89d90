/** Splits the paragraph stream into the preamble and the plan's areas. */
import { endsSentence } from '../text/normalize.ts';
import {
  inlineNationalGoal,
  isClosingListHeading,
  isLocalSectionHeading,
  isNationalGoalsLabel,
  isStrategiesLabel,
} from '../text/vocabulary.ts';
import type { Para } from './paragraphs.ts';
import { areaTitleText, matchAreaHeading, type TemplateRef } from './template-match.ts';

export type AreaKind = 'national' | 'local';

export interface AreaSegment {
  /** The heading as the plan wrote it ('Satsingsområde 2: Heltid …'). */
  readonly heading: string;
  readonly title: string;
  readonly number: number | null;
  readonly kind: AreaKind;
  readonly template: TemplateRef | null;
  readonly paras: Para[];
}

export interface Segmented {
  readonly preamble: Para[];
  readonly areas: AreaSegment[];
}

interface Candidate {
  readonly index: number;
  readonly title: string;
  readonly number: number | null;
  readonly kind: AreaKind;
  readonly template: TemplateRef | null;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function looksLikeHeading(p: Para): boolean {
  return wordCount(p.text) <= 12 && (!endsSentence(p.text) || /:$/.test(p.text));
}

function announcesArea(paras: readonly Para[], i: number): boolean {
  for (let k = i + 1; k < paras.length && k <= i + 3; k++) {
    const t = paras[k]?.text ?? '';
    if (isNationalGoalsLabel(t) || isStrategiesLabel(t) || inlineNationalGoal(t)) return true;
  }
  return false;
}

function templateCandidate(paras: readonly Para[], i: number): Candidate | null {
  const p = paras[i];
  if (!p || (p.role !== undefined && p.role !== 'area')) return null;
  if (p.role === 'area') {
    // The table's area column says it is an area, whether the strategy plan knows its name or not.
    const template = matchAreaHeading(p.text);
    return { index: i, title: areaTitleText(p.text), number: p.number, kind: template ? 'national' : 'local', template };
  }
  if ((p.bullet && p.number === null) || !looksLikeHeading(p)) return null;
  const template = matchAreaHeading(p.text);
  if (!template) return null;
  return { index: i, title: areaTitleText(p.text), number: p.number, kind: 'national', template };
}

/** Runs of three or more area titles with nothing between are an overview list or contents, not headings. */
function dropOverviewRuns(cands: Candidate[], paras: readonly Para[]): Candidate[] {
  const drop = new Set<number>();
  let runStart = 0;
  for (let k = 1; k <= cands.length; k++) {
    const prev = cands[k - 1];
    const cur = cands[k];
    // An area named again right after the list is the first area itself, not the list going on.
    const repeats = cur?.template && cands.slice(runStart, k).some((c) => c.template?.number === cur.template?.number);
    if (cur && prev && cur.index === prev.index + 1 && paras[cur.index]?.role !== 'area' && !repeats) continue;
    if (k - runStart >= 3) for (let r = runStart; r < k; r++) drop.add(r);
    runStart = k;
  }
  return cands.filter((_, k) => !drop.has(k));
}

export function segmentAreas(paras: readonly Para[]): Segmented {
  const national = dropOverviewRuns(
    paras.map((_, i) => templateCandidate(paras, i)).filter((c): c is Candidate => c !== null),
    paras,
  );
  const byIndex = new Map<number, Candidate>(national.map((c) => [c.index, c]));
  const firstNational = national[0]?.index ?? Number.POSITIVE_INFINITY;
  let lastNumber = 0;
  const accepted: Candidate[] = [];
  const seenTemplates = new Set<number>();
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    if (!p) continue;
    const cand = byIndex.get(i);
    if (cand) {
      if (cand.template && seenTemplates.has(cand.template.number) && cand.number === null && p.role !== 'area') continue;
      if (cand.template) seenTemplates.add(cand.template.number);
      accepted.push(cand);
      lastNumber = cand.number ?? lastNumber + 1;
      continue;
    }
    if (p.bullet && p.number === null) continue;
    // An area of the strategy plan not taken above was part of an overview list.
    if (matchAreaHeading(p.text)) continue;
    const title = areaTitleText(p.text);
    const afterAreas = i > firstNational;
    if (p.number !== null && looksLikeHeading(p) && !endsSentence(p.text)) {
      if ((afterAreas && p.number === lastNumber + 1) || announcesArea(paras, i)) {
        accepted.push({ index: i, title, number: p.number, kind: 'local', template: null });
        lastNumber = p.number;
        continue;
      }
    }
    if (afterAreas && (isLocalSectionHeading(p.text) || isClosingListHeading(p.text))) {
      accepted.push({ index: i, title, number: p.number, kind: 'local', template: null });
      lastNumber = p.number ?? lastNumber + 1;
    }
  }
  const areas = accepted.map((c, k): AreaSegment => {
    const end = accepted[k + 1]?.index ?? paras.length;
    return { heading: paras[c.index]?.text ?? c.title, title: c.title, number: c.number, kind: c.kind, template: c.template, paras: paras.slice(c.index + 1, end) };
  });
  return { preamble: paras.slice(0, accepted[0]?.index ?? paras.length), areas };
}
