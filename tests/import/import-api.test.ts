/**
 * The importer's public surface, rule by rule: its errors and their messages in nb, nn and en, the
 * size and emptiness checks of importPlan, the worker that runs it off the page's thread, and how a
 * draft becomes the plan's entities (which goals are recurring, measured or milestones).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  IMPORT_ERROR_CODES,
  ImportError,
  formatImportError,
  importMessages,
  importPlan,
  isImportError,
  messageLanguageFromLocale,
  type PlanDraft,
} from '../../src/import/index';
import { draftToPlan, goalShape } from '../../src/import/to-plan';
import { makeDocx } from './helpers/make-docx';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw new Error(`expected an ImportError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an ImportError, got a draft');
}

describe('import errors', () => {
  it('every code has a message in nb, nn and en, and no two codes share one', () => {
    for (const lang of ['nb', 'nn', 'en'] as const) {
      expect(Object.keys(importMessages[lang]).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
      const texts = IMPORT_ERROR_CODES.map((code) => importMessages[lang][code]);
      expect(new Set(texts).size).toBe(IMPORT_ERROR_CODES.length);
    }
    expect(IMPORT_ERROR_CODES).toHaveLength(10);
  });

  it('fills in placeholders and leaves unknown ones as they are', () => {
    expect(formatImportError('TOO_LARGE', 'nb', { limit: 20 })).toBe('Filen er for stor (over 20 MB).');
    expect(formatImportError('TOO_LARGE', 'nn', { limit: 5 })).toBe('Fila er for stor (over 5 MB).');
    expect(formatImportError('TIMEOUT', 'en', { seconds: 30 })).toBe(
      'Reading the file took too long (over 30 seconds), so it was stopped. Try a .docx or .txt version of the plan.',
    );
    expect(formatImportError('TOO_LARGE', 'en')).toBe('The file is too large (over {limit} MB).');
    expect(formatImportError('TOO_LARGE', 'en', { other: 1 })).toBe('The file is too large (over {limit} MB).');
    expect(formatImportError('EMPTY_FILE', 'nn')).toBe('Fila er tom.');
  });

  it('an ImportError carries its code, parameters, English message, name and cause', () => {
    const cause = new Error('inflate failed');
    const error = new ImportError('TOO_LARGE_UNPACKED', { limit: 100 }, { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImportError');
    expect(error.code).toBe('TOO_LARGE_UNPACKED');
    expect(error.params).toEqual({ limit: 100 });
    expect(error.message).toBe('The file is too large: it unpacks to over 100 MB.');
    expect(error.cause).toBe(cause);
    expect(new ImportError('NO_TEXT').params).toEqual({});
    expect(isImportError(error)).toBe(true);
    expect(isImportError(new Error('The file is empty.'))).toBe(false);
    expect(isImportError({ code: 'EMPTY_FILE', name: 'ImportError' })).toBe(false);
  });

  it('picks the message language from a locale: Norwegian bokmål for nb and no, nynorsk for nn, else English', () => {
    expect(messageLanguageFromLocale('nb_NO.UTF-8')).toBe('nb');
    expect(messageLanguageFromLocale('NO')).toBe('nb');
    expect(messageLanguageFromLocale('no-NO')).toBe('nb');
    expect(messageLanguageFromLocale('NN_no')).toBe('nn');
    expect(messageLanguageFromLocale('en_GB.UTF-8')).toBe('en');
    expect(messageLanguageFromLocale('sv_SE')).toBe('en');
    expect(messageLanguageFromLocale('')).toBe('en');
    expect(messageLanguageFromLocale(undefined)).toBe('en');
    expect(messageLanguageFromLocale(null)).toBe('en');
  });
});

describe('importPlan', () => {
  const plan = utf8(
    'Handlingsplan 2026–2027 for Fagforbundet Testvik\n\n1. Tariffmakt og organisasjonsbygging\n\nLokale mål:\n- Verve 50 nye medlemmer\n',
  );

  it('refuses an empty file before reading it', async () => {
    expect((await refusal(importPlan(new Uint8Array(0), 'plan.docx'))).code).toBe('EMPTY_FILE');
  });

  it('refuses a file over the limit, naming the limit in whole megabytes; a file at the limit is read', async () => {
    const tooLarge = await refusal(importPlan(plan, 'plan.txt', { maxBytes: plan.length - 1 }));
    expect(tooLarge.code).toBe('TOO_LARGE');
    expect(tooLarge.params).toEqual({ limit: 0 });
    const big = await refusal(importPlan(new Uint8Array(3 * 1024 * 1024 + 1), 'plan.txt', { maxBytes: 3 * 1024 * 1024 }));
    expect(big.params).toEqual({ limit: 3 });
    const draft = await importPlan(plan, 'plan.txt', { maxBytes: plan.length });
    expect(draft.union).toBe('Fagforbundet Testvik');
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  it('a text file with no letters is empty; a Word file with no letters has no text', async () => {
    expect((await refusal(importPlan(utf8('  \n\n 12 – 34 \n'), 'plan.txt'))).code).toBe('EMPTY_FILE');
    const digits = await makeDocx([{ kind: 'paragraph', text: '2026 – 2027' }]);
    expect((await refusal(importPlan(digits, 'plan.docx'))).code).toBe('NO_TEXT');
  });

  it('reads the format from the bytes, or the one it is told', async () => {
    const docx = await makeDocx([
      { kind: 'paragraph', text: 'Handlingsplan 2026–2027 for Fagforbundet Ordvik' },
      { kind: 'paragraph', text: '1. Tariffmakt og organisasjonsbygging' },
      { kind: 'paragraph', text: 'Lokale mål:' },
      { kind: 'paragraph', text: 'Verve 50 nye medlemmer', bullet: true },
    ]);
    // A file without an extension is read by what its bytes are.
    expect((await importPlan(docx, 'Handlingsplan')).union).toBe('Fagforbundet Ordvik');
    // Told it is text, the zip's bytes are read as text: there is no plan in them.
    const forced = await refusal(importPlan(docx, 'plan.docx', { format: 'txt' }));
    expect(forced.code).toBe('NOT_A_PLAN');
  });
});

describe('the import worker', () => {
  type Scope = { onmessage: ((event: { data: unknown }) => void) | null; postMessage?: (message: unknown) => void };
  const scope = globalThis as unknown as Scope;
  const posted: unknown[] = [];
  let handler: (event: { data: unknown }) => void;

  beforeAll(async () => {
    scope.postMessage = (message) => posted.push(message);
    await import('../../src/import/parse-worker');
    if (!scope.onmessage) throw new Error('the worker set no message handler');
    handler = scope.onmessage;
  });
  afterEach(() => {
    posted.length = 0;
  });

  const answer = async () => {
    await expect.poll(() => posted.length).toBe(1);
    return posted[0];
  };

  it('answers a request with the draft', async () => {
    const bytes = utf8('Handlingsplan 2026–2027 for Fagforbundet Verkvik\n\n1. Tariffmakt og organisasjonsbygging\n\nLokale mål:\n- Verve 10 nye medlemmer\n');
    handler({ data: { kind: 'plan-import', bytes, fileName: 'plan.txt', maxBytes: 1000 } });
    const message = (await answer()) as { kind: string; ok: boolean; draft: PlanDraft };
    expect(message.kind).toBe('plan-import');
    expect(message.ok).toBe(true);
    expect(message.draft.union).toBe('Fagforbundet Verkvik');
    expect(message.draft.areas.flatMap((a) => a.localGoals.map((g) => g.text))).toEqual(['Verve 10 nye medlemmer']);
  });

  it("answers the importer's own refusal with its code and parameters, using the request's size limit", async () => {
    handler({ data: { kind: 'plan-import', bytes: utf8('x'.repeat(2 * 1024 * 1024)), fileName: 'plan.txt', maxBytes: 1024 * 1024 } });
    expect(await answer()).toEqual({ kind: 'plan-import', ok: false, code: 'TOO_LARGE', params: { limit: 1 } });
  });

  it('answers any other failure without details, and ignores messages that are not its own', async () => {
    handler({ data: { kind: 'ready' } });
    handler({ data: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted).toEqual([]);
    handler({ data: { kind: 'plan-import', bytes: null, fileName: 'plan.txt', maxBytes: 10 } });
    expect(await answer()).toEqual({ kind: 'plan-import', ok: false });
  });
});

describe('from draft to plan', () => {
  it('a goal without a measure is a milestone', () => {
    expect(goalShape({})).toEqual({ kind: 'milestone', measure: null, recurrence: null });
  });

  it('a whole number of events a year or a month is recurring, up to one a day', () => {
    expect(goalShape({ measure: { value: 4, unit: ' medlemsmøter ', per: 'year' } })).toEqual({
      kind: 'recurring',
      measure: { unit: 'medlemsmøter', baseline: null, target: null, current: null },
      recurrence: { count: 4, per: 'year' },
    });
    expect(goalShape({ measure: { value: 1, unit: 'besøk', per: 'month' } }).recurrence).toEqual({ count: 1, per: 'month' });
    expect(goalShape({ measure: { value: 366, unit: 'dager', per: 'year' } }).kind).toBe('recurring');
  });

  it('amounts, shares, members, fractions, zero and more than 366 a year are measured, with the value as target', () => {
    const measured = (value: number, unit: string, per: 'year' | 'month' | null) => goalShape({ measure: { value, unit, per } });
    for (const unit of ['kr', 'kr.', 'kroner', 'NOK', '%', 'prosent', 'prosentpoeng', 'medlemmer', 'Organisasjonsgraden']) {
      expect(measured(12, unit, 'year').kind, unit).toBe('measured');
    }
    expect(measured(1.5, 'møter', 'year').kind).toBe('measured');
    expect(measured(0, 'møter', 'year').kind).toBe('measured');
    expect(measured(-2, 'møter', 'year').kind).toBe('measured');
    expect(measured(367, 'møter', 'year').kind).toBe('measured');
    expect(measured(4, 'møter', null)).toEqual({
      kind: 'measured',
      measure: { unit: 'møter', baseline: null, target: 4, current: null },
      recurrence: null,
    });
    // 'medlemsmøter' is an event, not members: only whole words count as amounts.
    expect(measured(4, 'medlemsmøter', 'year').kind).toBe('recurring');
    expect(measured(4, 'krone-innsamlinger', 'year').kind).toBe('recurring');
  });

  const draft: PlanDraft = {
    union: null,
    period: null,
    language: 'nn',
    situation: [
      { area: 'KS', now: 'a', shortTerm: 'b', longTerm: 'c' },
      { area: 'Spekter', now: 'd', shortTerm: 'e', longTerm: 'f' },
    ],
    areas: [
      {
        number: 1,
        title: 'Tariffmakt',
        nationalGoals: ['N1'],
        strategies: ['S1'],
        localGoals: [
          { nationalGoal: 'N1', text: 'Verve 50 medlemmer', measure: { value: 50, unit: 'medlemmer', per: null } },
          { nationalGoal: null, text: 'Ha 4 medlemsmøter', measure: { value: 4, unit: 'medlemsmøter', per: 'year' }, due: '2027-12' },
        ],
      },
      { number: 3, title: 'Velferd', nationalGoals: [], strategies: [], localGoals: [{ nationalGoal: null, text: 'Lage en plan' }] },
    ],
    unplaced: [],
  };

  it('stores areas and goals in order with their shapes, falling back to the given union and period', () => {
    const owner = { id: 'u1', displayName: 'Kari' };
    const entities = draftToPlan(draft, {
      fallbackUnion: 'Fagforbundet Fallback',
      fallbackPeriod: { from: 2030, to: 2031 },
      ownersFor: (a, g) => (a === 0 && g === 1 ? [owner] : []),
    });
    expect(entities.plan).toEqual({ union: 'Fagforbundet Fallback', periodFrom: 2030, periodTo: 2031, adoptedDate: null, language: 'nn' });
    expect(entities.areas.map((a) => a.area)).toEqual([
      { number: 1, title: 'Tariffmakt', nationalGoals: ['N1'], strategies: ['S1'] },
      { number: 3, title: 'Velferd', nationalGoals: [], strategies: [] },
    ]);
    const goals = entities.areas.flatMap((a) => a.goals);
    expect(goals.map((g) => [g.text, g.kind, g.sortOrder, g.due, g.owners])).toEqual([
      ['Verve 50 medlemmer', 'measured', 10, null, []],
      ['Ha 4 medlemsmøter', 'recurring', 20, '2027-12', [owner]],
      ['Lage en plan', 'milestone', 30, null, []],
    ]);
    expect(goals[0]).toMatchObject({ nationalGoal: 'N1', status: null, tariffArea: null, measure: { target: 50 }, recurrence: null });
    expect(goals[1]?.nationalGoal).toBeNull();
    expect(entities.situation).toEqual([
      { area: 'KS', now: 'a', shortTerm: 'b', longTerm: 'c', sortOrder: 10 },
      { area: 'Spekter', now: 'd', shortTerm: 'e', longTerm: 'f', sortOrder: 20 },
    ]);
  });

  it("uses the draft's own union and period and the given adoption date; no owners without a chooser", () => {
    const entities = draftToPlan(
      { ...draft, union: 'Fagforbundet Eigen', period: { from: 2026, to: 2027 } },
      { fallbackUnion: 'X', fallbackPeriod: { from: 1, to: 2 }, adoptedDate: '2026-03-12' },
    );
    expect(entities.plan).toEqual({ union: 'Fagforbundet Eigen', periodFrom: 2026, periodTo: 2027, adoptedDate: '2026-03-12', language: 'nn' });
    expect(entities.areas.flatMap((a) => a.goals.map((g) => g.owners))).toEqual([[], [], []]);
  });
});
