import i18n from 'i18next';
import type { Resource } from './vi.ts';

/** The same keys as `T`, every text a string: what English must look like. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

type Groups<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : (T[K] extends Record<string, string> ? `${P}${K}` : never) | Groups<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key, dotted (`plans.title`). */
export type TranslationKey = Paths<Resource>;

/** A group of labels keyed by a value (`orgKinds`). */
export type LabelGroup = Groups<Resource>;

/** A key built at run time (from an error code, an organisation kind…) narrowed once we know it is there. */
export function isTranslationKey(key: string): key is TranslationKey {
  return i18n.exists(key);
}

/**
 * The label of a value under `group` (`orgKinds` + a kind → its label); a value the server added
 * after this build has no text yet and shows as it is.
 */
export function labelIn(t: (key: TranslationKey) => string, group: LabelGroup, value: string): string {
  const key = `${group}.${value}`;
  return isTranslationKey(key) ? t(key) : value;
}

/** One resource from every feature's namespaces; two features claiming one namespace is a mistake. */
export function mergeNamespaces(parts: readonly object[]): object {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [ns, texts] of Object.entries(part)) {
      if (ns in merged) throw new Error(`Translation namespace "${ns}" is declared by two features`);
      merged[ns] = texts;
    }
  }
  return merged;
}
