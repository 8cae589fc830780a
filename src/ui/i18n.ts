/**
 * Interface strings in Simplified Chinese and English. The chosen language is remembered in localStorage.
 * Numbers are formatted per locale with Intl.NumberFormat.
 */
import { strings } from './strings';

export type Locale = 'zh-CN' | 'en';

export type StringKey = keyof (typeof strings)['en'];

const STORAGE_KEY = 'ruralreach.locale';

let current: Locale = readStoredLocale();

/** `?lang=en` or `?lang=zh-CN` in the URL wins; else the remembered choice; else Simplified Chinese. */
function readStoredLocale(): Locale {
  const wanted = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  if (wanted === 'en' || wanted === 'zh-CN') return wanted;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale; // absent in Node tests
}

/** The string for `key` in the current language, with `{name}` placeholders replaced by `params`. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  let text: string = strings[current][key];
  for (const [name, value] of Object.entries(params)) {
    text = text.replace(`{${name}}`, typeof value === 'number' ? formatNumber(value) : value);
  }
  return text;
}

/**
 * Number formats by language and options, made once: constructing an `Intl.NumberFormat` costs far more than
 * formatting with it, and a national county table formats thousands of numbers.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(kind: 'number' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${current}|${kind}|${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format =
      kind === 'number'
        ? new Intl.NumberFormat(current, { maximumFractionDigits: digits })
        : new Intl.NumberFormat(current, {
            style: 'percent',
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
    formats.set(key, format);
  }
  return format;
}

/** A number formatted for the current language, with at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return numberFormat('number', digits).format(value);
}

/** A share in [0, 1] as a percentage for the current language, with exactly `digits` decimals (e.g. "75.6%"). */
export function formatPercent(share: number, digits = 1): string {
  return numberFormat('percent', digits).format(share);
}

/** Fills every element that has `data-i18n="key"` with its string. */
export function translateStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
}
