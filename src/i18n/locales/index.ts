import { englishStrings, type Strings } from '../strings';
import { ar } from './ar';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { he } from './he';
import { ja } from './ja';
import { pt } from './pt';
import { zh } from './zh';

/** The built-in languages, by their ISO 639-1 code. */
export const locales = { en: englishStrings, es, fr, de, pt, ja, zh, ar, he } satisfies Record<string, Strings>;

/** A built-in language. */
export type Locale = keyof typeof locales;

/** Languages written right to left: the whole panel is mirrored. */
const rightToLeft: ReadonlySet<Locale> = new Set(['ar', 'he']);

/** `pt-BR` → `pt`; undefined when no built-in language matches. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language in locales ? (language as Locale) : undefined;
}

export function isRightToLeft(locale: Locale): boolean {
  return rightToLeft.has(locale);
}
