/**
 * A part of the catalogue owned by one feature: parts/<part>/en.ts, nb.ts and nn.ts, one language
 * per module, so that a build can take one language without the others (languages/*.ts), and
 * parts/<part>.ts joining them for the whole catalogue. English defines the keys, and
 * `Translation` makes bokmål and nynorsk translate every one of them, and no other.
 */
export interface CataloguePart<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly nb: Readonly<Record<K, string>>;
  readonly nn: Readonly<Record<K, string>>;
}

/** A translation of English messages: every key, no other (as an object literal's type, excess keys are errors). */
export type Translation<T extends Record<string, string>> = Readonly<Record<keyof T & string, string>>;
