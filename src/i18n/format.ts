/**
 * Message formatting: `{name}` placeholders and a small ICU subset for plurals
 * (`{count, plural, one {# goal} other {# goals}}`), with plural rules from Intl.PluralRules.
 * Kept small on purpose: the catalogues need nothing more, and it adds no bundle weight.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A branch's text may hold `{name}` placeholders (filled in after the branch is chosen), nothing deeper. */
const PLURAL = /\{(\w+), plural, ((?:=?\w+ \{(?:[^{}]|\{\w+\})*\}\s*)+)\}/g;
const BRANCH = /(=?\w+) \{((?:[^{}]|\{\w+\})*)\}/g;

export function formatMessage(template: string, params: MessageParams, locale: string, formatNumber: (n: number) => string): string {
  const rules = new Intl.PluralRules(locale);
  const withPlurals = template.replace(PLURAL, (_all, name: string, branches: string) => {
    const value = Number(params[name] ?? 0);
    const choices = new Map<string, string>();
    for (const match of branches.matchAll(BRANCH)) choices.set(match[1] as string, match[2] as string);
    const chosen = choices.get(`=${value}`) ?? choices.get(rules.select(value)) ?? choices.get('other') ?? '';
    return chosen.replace(/#/g, formatNumber(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (all, name: string) => {
    const value = params[name];
    if (value === undefined) return all;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
