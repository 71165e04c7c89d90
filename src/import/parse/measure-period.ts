/**
 * How often a measure recurs: 'i året' → per year, 'kvar månad' → per month, 'hvert kvartal' → four per year.
 * The plan's own period ('i perioden', '2026–2027') is no recurrence.
 */
import type { MeasurePer } from '../draft.ts';

export interface Period {
  readonly per: Exclude<MeasurePer, null>;
  /** What the count is multiplied by to be per `per` (a quarter's count × 4 is the year's). */
  readonly factor: number;
}

interface PeriodRule extends Period {
  readonly source: string;
}

// (?<!\p{L}) / (?!\p{L}) rather than \b: \b knows only ASCII letters, so '\bårlig' never matched.
const L = '(?<!\\p{L})';
const R = '(?!\\p{L})';
const PER = '(?:per|pr\\.?)';

const RULES: readonly PeriodRule[] = [
  {
    per: 'year', factor: 4,
    source: `${L}(?:hvert|kvart|${PER}|i)\\s+kvartal(?:et)?${R}|${L}kvartalsvis${R}`,
  },
  {
    per: 'year', factor: 2,
    source: `${L}(?:hvert|kvart|${PER}|i)\\s+halvår(?:et)?${R}|${L}halvårl[ie]g(?:e)?${R}`,
  },
  {
    per: 'year', factor: 6,
    source: `${L}(?:annenhver|annakvar|hver\\s+annen|kvar\\s+andre)\\s+(?:måned|månad)${R}`,
  },
  {
    per: 'year', factor: 1,
    source:
      `${L}${PER}\\s+(?:kalender)?år${R}|${L}årl[ie]g(?:e)?${R}|${L}i\\s+året${R}(?!\\s+som\\b)` +
      `|${L}i\\s+løpet\\s+av\\s+året${R}(?!\\s*20\\d\\d)|${L}(?:hvert|kvart)\\s+år${R}` +
      `|\\bbåde\\s+i\\s+20\\d\\d\\s+og\\s+20\\d\\d\\b|${L}(?:i\\s+)?hvert\\s+av\\s+årene${R}|${L}kvart\\s+av\\s+åra${R}`,
  },
  {
    per: 'month', factor: 1,
    source:
      `${L}${PER}\\s+(?:måned|månad|mnd)${R}\\.?|${L}(?:månedl[ie]g|månadleg)(?:e)?${R}` +
      `|${L}i\\s+(?:måneden|månaden|mnd)${R}|${L}(?:hver|kvar)\\s+(?:måned|månad|mnd)${R}`,
  },
];

const ANY = RULES.map((r) => ({ rule: r, re: new RegExp(r.source, 'iu') }));

/** The first recurrence the text names, or undefined. */
export function periodIn(text: string): Period | undefined {
  let best: { index: number; period: Period } | undefined;
  for (const { rule, re } of ANY) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, period: { per: rule.per, factor: rule.factor } };
  }
  return best?.period;
}

/** Up to `gap` plain words, then a recurrence: 'med ledelsen i året', 'kvar månad'. */
const ALL_SOURCES = RULES.map((r) => r.source).join('|');
const soonByGap = new Map<number, RegExp>();

/** Whether a recurrence follows within `gap` plain words, with no punctuation in between. */
export function periodFollows(text: string, gap: number): boolean {
  let re = soonByGap.get(gap);
  if (!re) {
    re = new RegExp(`^\\s*(?:[\\p{L}\\d-]+\\s+){0,${gap}}?(?:${ALL_SOURCES})`, 'iu');
    soonByGap.set(gap, re);
  }
  return re.test(text);
}
