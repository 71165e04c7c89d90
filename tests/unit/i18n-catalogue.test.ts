/**
 * Every message of every catalogue (nb, nn, en) through the ICU parser and the app's formatter
 * (src/i18n/format.ts): it parses, has the same arguments in all three languages, and formats to
 * text with no raw template left (no braces, no `#` from a plural branch), whatever the values.
 * The check runs on compileMessage, not on I18n.t, whose fallback to English would hide a broken
 * translation; checkMessage is itself tested on broken messages at the end.
 */
import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { type Language, type MessageKey } from '../../src/i18n';
import { CATALOGUES, createI18n } from '../../src/i18n/catalogue';
import { compileMessage, createTranslator } from '../../src/i18n/format';

const LANGUAGES: readonly Language[] = ['nb', 'nn', 'en'];
const NUMBERS = [0, 1, 2, 5, 1234.5] as const;
/** Plain `{name}` arguments the callers give numbers (the AST cannot tell a plain number from text). */
const NUMBERISH = /^(n|count|total|days|done|required|percent|value|target|min|max|number|index|size|lead|year)$|count$|days$|total$|percent$|number$/i;

type ArgumentKind = 'plain' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'selectordinal' | 'tag';

interface Analysis {
  /** Each argument name with the ways the message uses it, and a select's keys. */
  readonly args: Map<string, { kinds: Set<ArgumentKind>; selectKeys: Set<string> }>;
  /** `#` characters in literal text outside any plural branch (they may show). */
  readonly literalHashes: number;
}

function analyse(ast: readonly MessageFormatElement[]): Analysis {
  const args: Analysis['args'] = new Map();
  let literalHashes = 0;
  const use = (name: string, kind: ArgumentKind) => {
    const entry = args.get(name) ?? { kinds: new Set<ArgumentKind>(), selectKeys: new Set<string>() };
    entry.kinds.add(kind);
    args.set(name, entry);
    return entry;
  };
  const walk = (elements: readonly MessageFormatElement[], inPlural: boolean) => {
    for (const el of elements) {
      if (isLiteralElement(el)) {
        if (!inPlural) literalHashes += el.value.split('#').length - 1;
      } else if (isArgumentElement(el)) use(el.value, 'plain');
      else if (isNumberElement(el)) use(el.value, 'number');
      else if (isDateElement(el)) use(el.value, 'date');
      else if (isTimeElement(el)) use(el.value, 'time');
      else if (isTagElement(el)) walk(el.children, inPlural);
      else if (isSelectElement(el)) {
        const entry = use(el.value, 'select');
        for (const [key, option] of Object.entries(el.options)) {
          entry.selectKeys.add(key);
          walk(option.value, inPlural);
        }
      } else if (isPluralElement(el)) {
        use(el.value, el.pluralType === 'ordinal' ? 'selectordinal' : 'plural');
        for (const option of Object.values(el.options)) walk(option.value, true);
      }
    }
  };
  walk(ast, false);
  return { args, literalHashes };
}

/** Sample values for every argument, one set per sample number; the AST decides where it can. */
function sampleParams(analysis: Analysis): Array<Record<string, string | number>> {
  return NUMBERS.map((n, i) => {
    const params: Record<string, string | number> = {};
    for (const [name, { kinds, selectKeys }] of analysis.args) {
      if (kinds.has('plural') || kinds.has('selectordinal') || kinds.has('number')) params[name] = n;
      else if (kinds.has('date') || kinds.has('time')) params[name] = Date.UTC(2027, 1, 1 + i);
      else if (kinds.has('select')) {
        const keys = [...selectKeys, 'none-of-the-keys'];
        params[name] = keys[i % keys.length] as string;
      } else params[name] = NUMBERISH.test(name) ? n : `Kari ${name}`;
    }
    return params;
  });
}

/** What is wrong with a message: empty when it parses and formats to clean text for every sample. */
function checkMessage(message: string, locale: string): string[] {
  let analysis: Analysis;
  try {
    analysis = analyse(parse(message, { ignoreTag: true }));
  } catch (error) {
    return [`does not parse: ${String(error)}`];
  }
  const problems = new Set<string>();
  let compiled: ReturnType<typeof compileMessage>;
  try {
    compiled = compileMessage(message, locale);
  } catch (error) {
    return [`does not compile: ${String(error)}`];
  }
  for (const params of sampleParams(analysis)) {
    let text: string;
    try {
      text = compiled.format(params);
    } catch (error) {
      problems.add(`throws for ${JSON.stringify(params)}: ${String(error)}`);
      continue;
    }
    if (text.trim() === '') problems.add(`is empty for ${JSON.stringify(params)}`);
    if (/[{}]/.test(text)) problems.add(`shows a brace: ${JSON.stringify(text)}`);
    if (text.split('#').length - 1 > analysis.literalHashes) problems.add(`shows a # from a plural branch: ${JSON.stringify(text)}`);
  }
  return [...problems];
}

/** A message's argument names, sorted; null when it does not parse. */
function argumentNames(message: string): string[] | null {
  try {
    return [...analyse(parse(message, { ignoreTag: true })).args.keys()].sort();
  } catch {
    return null;
  }
}

/** Whether one key's translations (nb, nn, en) name the same arguments. */
function sameArguments(translations: readonly string[]): boolean {
  const names = translations.map((message) => JSON.stringify(argumentNames(message)));
  return names.every((n) => n === names[0] && n !== 'null');
}

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];
/** The group separator Intl gives for bokmål: a no-break space (U+00A0 in Node 20's ICU; other ICU versions give the narrow U+202F). */
const group = new Intl.NumberFormat('nb-NO').formatToParts(36000).find((p) => p.type === 'group')?.value ?? '';

describe('every catalogue message', () => {
  it('should exist in nb, nn and en alike', () => {
    for (const language of LANGUAGES) expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual([...KEYS].sort());
    expect(KEYS.length).toBeGreaterThan(100);
  });

  it.each(LANGUAGES)('should parse and format to clean text in %s, whatever the values', (language) => {
    const locale = createI18n(language).locale;
    const failures = KEYS.map((key) => [key, checkMessage(CATALOGUES[language][key], locale)] as const).filter(([, problems]) => problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('should have the same argument names in nb, nn and en', () => {
    const mismatches = KEYS.filter((key) => !sameArguments(LANGUAGES.map((language) => CATALOGUES[language][key])));
    expect(mismatches.map((key) => ({ key, ...Object.fromEntries(LANGUAGES.map((l) => [l, argumentNames(CATALOGUES[l][key])])) }))).toEqual([]);
  });
});

describe('numbers and plurals in messages', () => {
  const nb = createI18n('nb');
  const nn = createI18n('nn');
  const en = createI18n('en');

  it('should format numbers in plain placeholders for the locale', () => {
    expect(group).toMatch(/^[\u00a0\u202f]$/);
    expect(nb.t('planner.occurrence', { n: 36000, total: 2.5 })).toBe(`Gang 36${group}000 av 2,5`);
    expect(nn.t('planner.occurrence', { n: 36000, total: 2.5 })).toBe(`Gong 36${group}000 av 2,5`);
    expect(en.t('planner.occurrence', { n: 36000, total: 2.5 })).toBe('Time 36,000 of 2.5');
    // At most one decimal, as I18n.formatNumber.
    expect(nb.t('planner.occurrence', { n: 1.26, total: 3 })).toBe(`Gang ${nb.formatNumber(1.26)} av 3`);
    expect(nb.t('planner.occurrence', { n: 1.26, total: 3 })).toBe('Gang 1,3 av 3');
    // Text stays text.
    expect(nb.t('planner.occurrence', { n: '3', total: 'fire' })).toBe('Gang 3 av fire');
  });

  it('should format # in a plural branch the same way, with at most one decimal', () => {
    expect(nb.t('plan.goalsCount', { count: 36000 })).toBe(`36${group}000 lokale mål`);
    expect(nb.t('plan.goalsCount', { count: 1234.56 })).toBe(`1${group}234,6 lokale mål`);
    expect(en.t('plan.goalsCount', { count: 1234.56 })).toBe('1,234.6 local goals');
  });

  it('should pick the =0 branch before the plural rule', () => {
    expect(nb.t('overview.deadlines.daysLeft', { days: 0 })).toBe('frist i dag');
    expect(nn.t('overview.deadlines.daysLeft', { days: 0 })).not.toMatch(/0/);
    expect(en.t('overview.deadlines.daysLeft', { days: 0 })).not.toMatch(/0/);
  });

  it('should choose one and other by the language’s plural rules, nynorsk included', () => {
    expect(Intl.PluralRules.supportedLocalesOf([nn.locale])).toEqual([nn.locale]);
    expect(nb.t('plan.goalsCount', { count: 1 })).toBe('1 lokalt mål');
    expect(nb.t('plan.goalsCount', { count: 2 })).toBe('2 lokale mål');
    expect(nn.t('plan.goalsCount', { count: 1 })).toBe('1 lokalt mål');
    expect(nn.t('plan.goalsCount', { count: 5 })).toBe('5 lokale mål');
    expect(en.t('plan.goalsCount', { count: 1 })).toBe('1 local goal');
    expect(en.t('plan.goalsCount', { count: 0 })).toBe('0 local goals');
    expect(en.t('overview.deadlines.daysLeft', { days: 1 })).toMatch(/\b1 day\b/);
    expect(en.t('overview.deadlines.daysLeft', { days: 3 })).toMatch(/\b3 days\b/);
    expect(nn.t('overview.deadlines.daysLeft', { days: 1 })).toBe('om 1 dag');
  });

  it('should use a plural argument also shown as a plain number as both', () => {
    const message = compileMessage('{count} {count, plural, one {mål} other {mål totalt (#)}}', 'nb-NO');
    expect(message.format({ count: 1 })).toBe('1 mål');
    expect(message.format({ count: 36000 })).toBe(`36${group}000 mål totalt (36${group}000)`);
  });
});

describe('a message that fails', () => {
  const en = { ok: 'Hello {name}', broken: 'Hello {name}', date: 'On {when, date, long}', both: 'Hei {name' };

  it('should fall back to English, then to the key, and never throw or show braces', () => {
    const english = createTranslator('en-GB', en);
    const bokmal = createTranslator('nb-NO', { ok: 'Hei {name}', broken: 'Hei {name', date: 'Den {when, date, long}', both: 'Hei {name' }, english);
    expect(bokmal('ok', { name: 'Kari' })).toBe('Hei Kari');
    expect(bokmal('broken', { name: 'Kari' })).toBe('Hello Kari'); // does not parse: English
    expect(bokmal('both', { name: 'Kari' })).toBe('both'); // English fails too: the key
    expect(bokmal('missing' as string)).toBe('missing');
    expect(bokmal('toString')).toBe('toString'); // not a message, whatever Object.prototype holds
    // Formatting that throws (an invalid date) falls back the same way, and English to the key.
    expect(bokmal('date', { when: 'not a date' })).toBe('date');
  });

  it('should read a missing value as empty text, or as 0 where the message needs a number', () => {
    const nb = createI18n('nb');
    expect(nb.t('planner.occurrence', { n: 2 })).toBe('Gang 2 av ');
    expect(nb.t('planner.occurrence')).toBe('Gang  av ');
    expect(nb.t('overview.deadlines.daysLeft')).toBe('frist i dag');
    expect(nb.t('plan.goalsCount', {})).toBe('0 lokale mål');
    const undefinedValue = { count: undefined } as unknown as { count: number };
    expect(nb.t('plan.goalsCount', undefinedValue)).toBe('0 lokale mål');
  });

  it('should compile each message once, when it is first asked for', () => {
    const reads = new Map<PropertyKey, number>();
    const messages = new Proxy({ a: 'A {n}', b: 'B' } as Record<string, string>, {
      get: (target, key) => {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return Reflect.get(target, key);
      },
    });
    const t = createTranslator('nb-NO', messages);
    expect([t('a', { n: 1000 }), t('a', { n: 2 }), t('a')]).toEqual([`A 1${group}000`, 'A 2', 'A ']);
    expect(reads.get('a')).toBe(1);
    expect(reads.has('b')).toBe(false);
  });
});

describe('the catalogue check itself', () => {
  it.each([
    ['an unclosed placeholder', 'Hei {name'],
    ['a plural without other', '{count, plural, one {# mål}}'],
    ['a quoted brace', "Skriv '{name}' her"],
    ['a # that is no longer the number (in a select inside a plural)', '{count, plural, other {{kind, select, other {# mål}}}}'],
    ['a quoted #', "{count, plural, one {# mål} other {'#' mål}}"],
    ['an empty message', ''],
    ['a message of only a plural whose branch is empty', '{count, plural, =0 {} other {# mål}}'],
  ])('should fail %s', (_what, message) => {
    expect(checkMessage(message, 'nb-NO')).not.toEqual([]);
  });

  it('should pass a good message, with a # that is text outside the plural', () => {
    expect(checkMessage('Sak #{id}: {count, plural, =0 {ingen mål} one {# mål} other {# mål}} for {name}', 'nb-NO')).toEqual([]);
    expect(checkMessage('Replace <tenant id> with the tenant’s ID', 'en-GB')).toEqual([]);
  });

  it('should find a translation that drops or renames a placeholder', () => {
    expect(sameArguments(['Gang {n} av {total}', 'Gong {n} av {total}', 'Time {total}: {n}'])).toBe(true);
    expect(sameArguments(['Gang {n} av {totalt}', 'Gong {n} av {total}', 'Time {n} of {total}'])).toBe(false);
    expect(sameArguments(['Gang {n}', 'Gong {n} av {total}', 'Time {n} of {total}'])).toBe(false);
    expect(sameArguments(['Gang {n} av {total', 'Gong {n} av {total}', 'Time {n} of {total}'])).toBe(false);
    // Names inside plural branches count too.
    expect(argumentNames('{count, plural, one {# mål} other {# mål i {area}}}')).toEqual(['area', 'count']);
    expect(sameArguments(['{count, plural, one {# mål} other {# mål i {area}}}', '{count, plural, other {# mål}}', '{count, plural, other {# goals in {area}}}'])).toBe(false);
  });
});
