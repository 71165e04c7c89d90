/**
 * Message formatting: ICU MessageFormat through FormatJS (intl-messageformat, with the AST from
 * @formatjs/icu-messageformat-parser), so the catalogues may use all of it: `{name}`, plurals with
 * exact branches (`{count, plural, =0 {none} one {# goal} other {# goals}}`), select,
 * `{n, number}` and nesting. Plural rules come from Intl.PluralRules.
 *
 * Numbers read the same wherever they stand. intl-messageformat prints a number in a plain
 * `{name}` as String(value) ('36000', '2.5'); the app shows it in the locale ('36 000', '2,5', at
 * most one decimal: NUMBER_OPTIONS). So each message's AST is rewritten once, when it is compiled:
 * every plain `{name}` is pointed at a private value (`\u0000name`) that format() fills with the
 * locale-formatted number when `name` holds a number and with the string otherwise. The raw value
 * stays under `name` for plural, select and number arguments, so `{count} … {count, plural, …}`
 * still chooses its branch by the number. `#` and `{n, number}` (no style) go through the same
 * Intl.NumberFormat (the formatters below), not intl-messageformat's default of three decimals.
 *
 * `<tenant id>` in a message is text, not markup (ignoreTag). Apostrophes follow ICU: `'{'` quotes
 * a brace, `''` is one apostrophe, and an apostrophe before anything else is itself (the catalogues
 * use the typographic ’ anyway).
 *
 * A missing value (absent, undefined or null) never throws: it reads as an empty string, and as 0
 * where the message needs a number (plural, number), as the hand-written formatter before this one
 * did. compileMessage throws a SyntaxError for a malformed message; a translator never throws: a
 * message that fails to compile or format falls back to the fallback translator (English), and
 * then to the key itself, so no raw template reaches the screen. Nothing is logged.
 */
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
  type PluralOrSelectOption,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';

export type MessageParams = Readonly<Record<string, string | number>>;

/** How numbers are shown in messages and by I18n.formatNumber without options. */
export const NUMBER_OPTIONS: Intl.NumberFormatOptions = { maximumFractionDigits: 1 };

/** Prefix of the private values plain `{name}` arguments read (no ICU argument name holds it). */
const PLAIN = '\u0000';

/** Intl formatters for one locale, each made once: intl-messageformat asks for them on every format. */
const formattersByLocale = new Map<string, Formatters & { readonly number: Intl.NumberFormat }>();

function formattersFor(locale: string): Formatters & { readonly number: Intl.NumberFormat } {
  const cached = formattersByLocale.get(locale);
  if (cached) return cached;
  const memo = <T>(make: (options: object | undefined) => T) => {
    const made = new Map<string, T>();
    return (options: object | undefined): T => {
      const key = JSON.stringify(options ?? {});
      const hit = made.get(key);
      if (hit !== undefined) return hit;
      const value = make(options);
      made.set(key, value);
      return value;
    };
  };
  const number = new Intl.NumberFormat(locale, NUMBER_OPTIONS);
  const numberFormat = memo((options) => new Intl.NumberFormat(locale, options as Intl.NumberFormatOptions));
  const dateTimeFormat = memo((options) => new Intl.DateTimeFormat(locale, options as Intl.DateTimeFormatOptions));
  const pluralRules = memo((options) => new Intl.PluralRules(locale, options as Intl.PluralRulesOptions));
  const formatters = {
    number,
    // `#` and `{n, number}` ask without options: the app's own format, not Intl's default.
    getNumberFormat: (_locales?: string | string[], options?: object) => (options ? numberFormat(options) : number),
    getDateTimeFormat: (_locales?: string | string[], options?: Intl.DateTimeFormatOptions) => dateTimeFormat(options),
    getPluralRules: (_locales?: string | string[], options?: Intl.PluralRulesOptions) => pluralRules(options),
  };
  formattersByLocale.set(locale, formatters);
  return formatters;
}

interface Arguments {
  /** Names used as a plain `{name}`. */
  readonly plain: Set<string>;
  /** Names a plural, selectordinal or number argument reads: a missing one is 0. */
  readonly numeric: Set<string>;
  /** Every name the message reads. */
  readonly all: Set<string>;
}

/** The AST with every plain `{name}` reading `\u0000name` instead, and the names it reads. */
function rewrite(elements: readonly MessageFormatElement[], args: Arguments): MessageFormatElement[] {
  const options = (opts: Record<string, PluralOrSelectOption>) =>
    Object.fromEntries(Object.entries(opts).map(([k, option]) => [k, { ...option, value: rewrite(option.value, args) }]));
  return elements.map((el): MessageFormatElement => {
    if (isArgumentElement(el)) {
      args.all.add(el.value);
      args.plain.add(el.value);
      return { ...el, value: PLAIN + el.value };
    }
    if (isPluralElement(el) || isNumberElement(el)) {
      args.all.add(el.value);
      args.numeric.add(el.value);
    }
    if (isSelectElement(el) || isDateElement(el) || isTimeElement(el)) args.all.add(el.value);
    if (isPluralElement(el) || isSelectElement(el)) return { ...el, options: options(el.options) };
    if (isTagElement(el)) return { ...el, children: rewrite(el.children, args) };
    return el;
  });
}

export interface CompiledMessage {
  format(params?: MessageParams): string;
}

/** Parses and compiles one message for a locale; throws a SyntaxError if the message is malformed. */
export function compileMessage(message: string, locale: string): CompiledMessage {
  const args: Arguments = { plain: new Set(), numeric: new Set(), all: new Set() };
  const ast = rewrite(parse(message, { ignoreTag: true }), args);
  const formatters = formattersFor(locale);
  const compiled = new IntlMessageFormat(ast, locale, undefined, { formatters });
  return {
    format(params = {}) {
      const values: Record<string, string | number> = {};
      for (const name of args.all) {
        const value = Object.hasOwn(params, name) ? params[name] : undefined;
        values[name] = value ?? (args.numeric.has(name) ? 0 : '');
      }
      for (const name of args.plain) {
        const value = values[name];
        values[PLAIN + name] = typeof value === 'number' ? formatters.number.format(value) : String(value);
      }
      const text = compiled.format<string>(values);
      return Array.isArray(text) ? text.join('') : text;
    },
  };
}

export type Translator = (key: string, params?: MessageParams) => string;

/**
 * Formats a catalogue's messages by key, each compiled once when it is first asked for. A message
 * that is missing, malformed or fails to format goes to the fallback (English), then to the key.
 */
export function createTranslator(locale: string, messages: Readonly<Record<string, string>>, fallback?: Translator): Translator {
  const compiled = new Map<string, CompiledMessage | null>();
  const compile = (key: string): CompiledMessage | null => {
    const message = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (message === undefined) return null;
    try {
      return compileMessage(message, locale);
    } catch {
      return null; // malformed: the fallback shows instead, every time, without parsing again
    }
  };
  return (key, params = {}) => {
    let message = compiled.get(key);
    if (message === undefined) {
      message = compile(key);
      compiled.set(key, message);
    }
    if (message) {
      try {
        return message.format(params);
      } catch {
        // e.g. a date argument given text: the fallback below, never the raw template
      }
    }
    return fallback ? fallback(key, params) : key;
  };
}
