/**
 * A part of the catalogue owned by one feature: English defines the keys, and the type makes
 * bokmål and nynorsk translate every one of them.
 */
export interface CataloguePart<K extends string> {
  readonly en: Readonly<Record<K, string>>;
  readonly nb: Readonly<Record<K, string>>;
  readonly nn: Readonly<Record<K, string>>;
}

export function definePart<const T extends Record<string, string>>(part: {
  en: T;
  nb: Record<keyof T & string, string>;
  nn: Record<keyof T & string, string>;
}): CataloguePart<keyof T & string> {
  return part;
}
