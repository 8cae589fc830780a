/**
 * Amounts of yuan as people read them: 亿 (10^8) and 万 (10^4) in Chinese, billion and million in English.
 * Text parsing of the rollout's list fields ("33=1.2, 54=1.8", "33, 32", "200, , 300").
 */
import type { RolloutParams } from '../core/rollout/rollout-types';
import { formatNumber, getLocale, t } from './i18n';

/**
 * An amount in yuan for the current language.
 * @example
 * formatYuan(10_000_000_000); // zh-CN "100 亿元", en "10 billion yuan"
 */
export function formatYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return String(yuan);
  const abs = Math.abs(yuan);
  if (getLocale() === 'zh-CN') {
    if (abs >= 1e8) return `${formatNumber(yuan / 1e8, 2)} 亿元`;
    if (abs >= 1e4) return `${formatNumber(yuan / 1e4, 1)} 万元`;
    return `${formatNumber(yuan)} 元`;
  }
  if (abs >= 1e9) return `${formatNumber(yuan / 1e9, 2)} billion yuan`;
  if (abs >= 1e6) return `${formatNumber(yuan / 1e6, 1)} million yuan`;
  return `${formatNumber(yuan)} yuan`;
}

/** A short axis label of an amount in yuan (亿 / bn). */
export function formatYuanShort(yuan: number): string {
  return getLocale() === 'zh-CN' ? `${formatNumber(yuan / 1e8, 1)}亿` : `${formatNumber(yuan / 1e9, 1)} bn`;
}

/**
 * Parses "code=factor" pairs separated by commas, semicolons or spaces into a record.
 * @throws Error naming the first pair that is not `digits=number`
 */
export function parseFactors(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of text
    .replace(/\s*([=:：])\s*/g, '$1')
    .split(/[\s,;，；]+/)
    .filter((p) => p !== '')) {
    const m = /^(\d+)[=:：]([0-9.eE+-]+)$/.exec(pair);
    if (!m || !Number.isFinite(Number(m[2]))) throw new Error(`"${pair}" is not code=factor`);
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** The record as "code=factor" pairs. */
export function formatFactors(factors: Record<string, number>): string {
  return Object.entries(factors)
    .map(([code, factor]) => `${code}=${factor}`)
    .join(', ');
}

/** Splits a list of codes ("33, 32 35") into codes. */
export function parseCodes(text: string): string[] {
  return text.split(/[\s,;，；]+/).filter((c) => c !== '');
}

/**
 * Parses per-year caps "200, , 300": one entry per year, an empty entry is no cap. An all-empty text is no caps.
 * @throws Error naming the first entry that is not a number
 */
export function parseCaps(text: string): number[] | undefined {
  if (text.trim() === '') return undefined;
  const caps: number[] = [];
  text.split(/[,;，；]/).forEach((entry, k) => {
    const value = entry.trim();
    if (value === '') return;
    const number = Number(value);
    if (!Number.isFinite(number)) throw new Error(`"${value}" is not a number`);
    caps[k] = number;
  });
  return caps;
}

/** Caps as text, empty entries for years without a cap. */
export function formatCaps(caps: readonly (number | undefined)[] | undefined): string {
  if (caps === undefined) return '';
  return Array.from({ length: caps.length }, (_, k) => (caps[k] === undefined || caps[k] === null ? '' : caps[k])).join(
    ', ',
  );
}

const SCORE_KEYS = {
  'villages-per-yuan': 'rMethodScore_villagesPerYuan',
  'uncovered-share': 'rMethodScore_uncoveredShare',
  'user-weight': 'rMethodScore_userWeight',
} as const;

/** The method sentence of a result in the page's language (the engine's own `result.method` is English). */
export function rolloutMethodText(params: RolloutParams): string {
  const codes = params.provinceOrder.join(', ');
  return t('rMethod', {
    score: t(SCORE_KEYS[params.countyScore]),
    order: codes === '' ? t('rMethodNoOrder') : t('rMethodOrder', { codes }),
    centers: params.centers,
    stations: params.stations,
    stationKm: params.stationRadiusKm,
    centerKm: params.centerRadiusKm,
    years: params.years,
  });
}
