/**
 * Interface strings in Simplified Chinese and English. The chosen language is remembered in localStorage.
 * Numbers are formatted per locale with Intl.NumberFormat.
 */
export type Locale = 'zh-CN' | 'en';

const strings = {
  'zh-CN': {
    tagline: '农村电商网点覆盖规划',
    province: '省份',
    aboutData: '关于数据',
    loadingVillages: '正在加载村庄…',
    villagesLoaded: '已加载 {n} 个村（{province}）',
    legendTitle: '村庄密度（个 / 100 平方千米）',
    legendVillages: '村庄位置为合成位置，并非测绘坐标',
    ruralVillage: '村委会（农村）',
    urbanVillage: '居委会（城镇）',
    noBoundary: '无县界数据',
    county: '县级单位',
    code: '代码',
    villages: '村级单位',
    ruralVillages: '农村村委会',
    areaKm2: '面积（平方千米）',
    density: '密度（个 / 100 平方千米）',
    close: '关闭',
    aboutTitle: '关于数据',
    aboutIntro: '全部数据随应用内置，离线可用，不会向本机以外的任何主机发出请求（除非您在下方配置在线底图）。',
    synthetic:
      '村庄位置为合成位置：目前没有公开的村级坐标数据集，因此每个村按乡镇聚集、由代码确定性生成，落在其所属县的边界内。它们不是测绘坐标；导入您自己的村庄文件即可替换。',
    sources: '数据来源',
    counts: '数量',
    tileUrl: '在线底图地址（可选，默认关闭）',
    tileHelp: '例如 https://example.com/{z}/{x}/{y}.png；留空则完全离线。',
    save: '保存',
    provinces: '省级单位',
    counties: '县级单位',
    countiesWithBoundary: '有边界的县级单位',
    townships: '乡镇（街道）',
  },
  en: {
    tagline: 'Rural e-commerce coverage planner',
    province: 'Province',
    aboutData: 'About data',
    loadingVillages: 'Loading villages…',
    villagesLoaded: '{n} villages loaded ({province})',
    legendTitle: 'Villages per 100 km²',
    legendVillages: 'Village positions are synthetic, not surveyed',
    ruralVillage: 'Village committee (rural)',
    urbanVillage: 'Residents committee (urban)',
    noBoundary: 'No county boundary',
    county: 'County',
    code: 'Code',
    villages: 'Villages',
    ruralVillages: 'Rural villages',
    areaKm2: 'Area (km²)',
    density: 'Villages per 100 km²',
    close: 'Close',
    aboutTitle: 'About the data',
    aboutIntro:
      'All data is embedded in the app and works offline: no request leaves this machine unless you configure an online basemap below.',
    synthetic:
      'Village positions are synthetic: no public dataset of village coordinates exists, so each village is placed deterministically from its code, clustered by township, inside its county boundary. They are not surveyed positions; import your own village file to replace them.',
    sources: 'Sources',
    counts: 'Counts',
    tileUrl: 'Online basemap URL (optional, off by default)',
    tileHelp: 'e.g. https://example.com/{z}/{x}/{y}.png; leave empty to stay fully offline.',
    save: 'Save',
    provinces: 'Provinces',
    counties: 'Counties',
    countiesWithBoundary: 'Counties with a boundary',
    townships: 'Townships',
  },
} as const;

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
  document.documentElement.lang = locale;
}

/** The string for `key` in the current language, with `{name}` placeholders replaced by `params`. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  let text: string = strings[current][key];
  for (const [name, value] of Object.entries(params)) {
    text = text.replace(`{${name}}`, typeof value === 'number' ? formatNumber(value) : value);
  }
  return text;
}

/** A number formatted for the current language, with at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
}

/** Fills every element that has `data-i18n="key"` with its string. */
export function translateStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
}
