/**
 * The words a board's spreadsheet uses, in bokmål, nynorsk and English: column headers, roles
 * (verv) and bargaining areas (tariffområder). Matching ignores case, accents, punctuation, spaces
 * and anything in parentheses, so 'E-post (jobb)', 'EPOST' and 'e-post' are one header and
 * 'Tariffområde', 'Tariffomrade' and 'Tariffomraade' another.
 */
import type { RepArea, RepRole } from '../../domain/roster.ts';
import type { RosterField } from './types.ts';

/** Comparison key: no parenthesised part, no accents, lower case, letters and digits only (æ → ae, ø → o, å → a). */
export function wordKey(text: string): string {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øœ]/g, 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/** A header's meaning: a field, or half of a name split over two columns. */
export type HeaderKind = RosterField | 'firstName' | 'lastName';

const HEADERS: Readonly<Record<HeaderKind, readonly string[]>> = {
  name: ['navn', 'namn', 'name', 'fulltnavn', 'fulltnamn', 'fullname', 'fullstendignavn', 'heiltnamn', 'tillitsvalgt', 'tillitsvald', 'representant', 'representative', 'navnpatillitsvalgt', 'namnpatillitsvald'],
  firstName: ['fornavn', 'fornamn', 'firstname', 'givenname', 'forename'],
  lastName: ['etternavn', 'etternamn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'epostadresse', 'epostadr', 'email', 'emailaddress', 'emailadresse', 'mail', 'mailadresse', 'epostjobb', 'jobbepost'],
  role: ['rolle', 'verv', 'role', 'tillitsverv', 'funksjon', 'vervtype', 'rolletype', 'typeverv'],
  area: ['tariffomrade', 'tariffomraade', 'avtaleomrade', 'avtaleomraade', 'bargainingarea', 'tariffarea', 'tariff', 'tariffavtale', 'avtale', 'sektor', 'sector', 'area', 'omrade'],
  workplace: ['arbeidsplass', 'arbeidsstad', 'arbeidssted', 'workplace', 'virksomhet', 'verksemd', 'arbeidsgiver', 'arbeidsgjevar', 'employer', 'tjenestested', 'tenestestad', 'enhet', 'eining'],
};

const HEADER_BY_KEY: ReadonlyMap<string, HeaderKind> = new Map(
  (Object.entries(HEADERS) as Array<[HeaderKind, readonly string[]]>).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)),
);

/** What a header cell names, or null ('E-postadresse (Org365)' → 'email'). */
export function headerKind(text: string): HeaderKind | null {
  const key = wordKey(text);
  if (!key) return null;
  const exact = HEADER_BY_KEY.get(key);
  if (exact) return exact;
  // 'E-post privat', 'Email address (work)': an address column by its first word.
  if (/^(epost|email)/.test(key)) return 'email';
  return null;
}

const ROLES: Readonly<Record<RepRole, readonly string[]>> = {
  ptv: ['ptv', 'plasstillitsvalgt', 'plasstillitsvald', 'plasstv', 'workplacerepresentative', 'shopsteward', 'localrepresentative'],
  ktv: ['ktv', 'klubbtillitsvalgt', 'klubbtillitsvald', 'klubbtv', 'clubrepresentative', 'unionclubrepresentative'],
  htv: ['htv', 'hovedtillitsvalgt', 'hovudtillitsvald', 'hovudtillitsvalgt', 'hovedtillitsvald', 'chiefrepresentative', 'seniorrepresentative', 'chiefshopsteward'],
  safety: ['verneombud', 'verneombod', 'vo', 'hvo', 'hovedverneombud', 'hovudverneombod', 'safetyrepresentative', 'safetyrep', 'safetydelegate', 'healthandsafetyrepresentative', 'chiefsafetyrepresentative'],
  board: [
    'styremedlem', 'styret', 'styre', 'boardmember', 'board', 'leder', 'leiar', 'nestleder', 'nestleiar', 'styreleder', 'styreleiar', 'kasserer', 'kasserar',
    'sekretaer', 'skrivar', 'varamedlem', 'vara', 'chair', 'chairperson', 'vicechair', 'deputychair', 'treasurer', 'secretary', 'deputymember',
  ],
  other: ['annet', 'anna', 'andre', 'other'],
};

const AREAS: Readonly<Record<RepArea, readonly string[]>> = {
  KS: ['ks', 'kssektoren', 'kommunesektoren', 'kommune', 'kommunal', 'kommunalsektor', 'fylkeskommune', 'municipal', 'municipalities'],
  Spekter: ['spekter', 'spekterhelse', 'helsespekter', 'helseforetak'],
  NHO: ['nho', 'privat', 'private', 'nhoprivat', 'privatsektor', 'privatesector', 'nhoservice', 'nhoserviceoghandel'],
  Stat: ['stat', 'staten', 'state', 'statlig', 'statleg', 'statsektoren', 'statligsektor'],
  Oslo: ['oslo', 'oslokommune', 'osloko', 'cityofoslo'],
  Virke: ['virke', 'virkehuk', 'huk'],
  Other: ['annet', 'anna', 'andre', 'other'],
};

/** Extra names the caller recognises for roles and areas, e.g. the labels it exported with in each language. */
export interface ExtraLabels {
  readonly roles?: Partial<Readonly<Record<RepRole, string>>>;
  readonly areas?: Partial<Readonly<Record<string, string>>>;
}

function lookup<T extends string>(table: Readonly<Record<T, readonly string[]>>, extra: ReadonlyArray<Partial<Readonly<Record<string, string>>> | undefined>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as Array<[T, readonly string[]]>) for (const w of words) map.set(w, value);
  for (const labels of extra) {
    for (const [value, label] of Object.entries(labels ?? {})) {
      if (!(value in table) || typeof label !== 'string') continue;
      const key = wordKey(label);
      if (key && !map.has(key)) map.set(key, value as T);
    }
  }
  return map;
}

/** Words that join others ('Vara til styret', 'Member of the board'). */
const FILLER: ReadonlySet<string> = new Set(['and', 'the', 'til', 'for', 'med', 'ved', 'with']);

/**
 * The one value a text names: the whole text ('Oslo kommune', 'Board member'), else its words when
 * each is known and all agree ('HTV – hovedtillitsvalgt', 'Nestleder i styret' → board; words of one
 * or two letters and joining words are skipped). 'Verneombud og styremedlem' names two roles and 'Oslo
 * universitetssykehus' an unknown word: null, never a guess.
 */
function match<T extends string>(text: string, map: ReadonlyMap<string, T>): T | null {
  const whole = map.get(wordKey(text));
  if (whole) return whole;
  const found = new Set<T>();
  for (const word of text.replace(/\([^)]*\)/g, ' ').split(/[\s/,;:&+|–—-]+/)) {
    const key = wordKey(word);
    if ((key.length <= 2 || FILLER.has(key)) && !map.has(key)) continue;
    const value = map.get(key);
    if (!value) return null;
    found.add(value);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

export interface Vocabulary {
  role(text: string): RepRole | null;
  area(text: string): RepArea | null;
}

/** Role and area readers, with the caller's own labels recognised too. */
export function vocabulary(extra: readonly ExtraLabels[] = []): Vocabulary {
  const roles = lookup(ROLES, extra.map((e) => e.roles));
  const areas = lookup(AREAS, extra.map((e) => e.areas));
  return { role: (text) => match(text, roles), area: (text) => match(text, areas) };
}

const DEFAULT = vocabulary();

/** The role a cell names ('KTV', 'Klubbtillitsvald', 'Safety representative'), or null. */
export function parseRole(text: string): RepRole | null {
  return DEFAULT.role(text);
}

/** The bargaining area a cell names ('KS', 'NHO/privat', 'Staten', 'Oslo kommune'), or null. */
export function parseArea(text: string): RepArea | null {
  return DEFAULT.area(text);
}
