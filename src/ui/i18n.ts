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
    planTitle: '规划',
    model: '模型',
    model_mclp: '给定站点数，覆盖最多村庄',
    model_lscp: '达到目标覆盖率的最少站点',
    model_pmedian: '平均距离最短',
    'model_two-tier': '两级：县级中心 + 村级站点',
    stationsN: '新增站点数（N）',
    targetShare: '目标覆盖率（%）',
    centersN: '县级中心数',
    radiusKm: '村级站点服务半径（千米）',
    centerRadiusKm: '县级中心配送半径（千米）',
    demandVillages: '需求村庄',
    candidateSites: '候选站址',
    kind_rural: '仅农村村委会',
    kind_all: '全部村级单位',
    suggest: '推荐方案',
    cancel: '取消',
    progress: '进度',
    qualityOptimal: '已证明为最优解',
    qualityGap: '与最优解相差不超过 {gap}%',
    qualityUnknown: '无最优性界',
    cancelledNote: '已取消：显示目前找到的最佳方案',
    stoppedNote: '已停止：规划器尚未得出方案，保留原方案',
    solvedBy: '{solver}，用时 {seconds} 秒',
    planFailed: '规划失败：{message}',
    planning: '正在规划…',
    totalsTitle: '覆盖情况',
    villagesCovered: '已覆盖村庄',
    coveredOf: '{covered} / {total}',
    coverageShare: '覆盖率',
    stations: '站点',
    centers: '县级中心',
    editTitle: '编辑',
    undo: '撤销',
    redo: '重做',
    addStation: '添加站点',
    editHint:
      '“添加站点”模式下点击地图即可添加；拖动站点可移动；点击站点可选中。快捷键：Ctrl+Z 撤销，Ctrl+Shift+Z 或 Ctrl+Y 重做。',
    selectedSite: '所选站点',
    siteStatus: '状态',
    status_proposed: '建议',
    status_existing: '已有',
    status_locked: '锁定',
    status_excluded: '排除',
    siteRole: '类型',
    role_station: '村级站点',
    role_center: '县级中心',
    deleteSite: '删除站点',
    lockHint: '再次推荐时，已有和锁定的站点保留，排除的站址不会被选用。',
    curveTitle: '覆盖曲线',
    curveHelp: '点击曲线即可设置站点数 N',
    curveAxisX: '站点数',
    curveAxisY: '覆盖率',
    curveEmpty: '运行“给定站点数”推荐后显示',
    curvePoint: '{n} 个站点：{share}',
    countiesTitle: '各县覆盖',
    colName: '县',
    colVillages: '村庄',
    colCovered: '已覆盖',
    colShare: '覆盖率',
    sortBy: '按{column}排序',
    zoomTo: '缩放到{name}',
    countyColour: '县级着色',
    colour_density: '村庄密度',
    colour_coverage: '覆盖率',
    scenariosTitle: '方案',
    scenarioName: '方案名称',
    saveScenario: '保存方案',
    scenarioDefault: '方案 {n}',
    openScenario: '打开',
    duplicate: '复制',
    deleteScenario: '删除',
    copyOf: '{name}（副本）',
    renameScenario: '方案名称：{name}',
    compareA: '方案 A',
    compareB: '方案 B',
    compare: '比较',
    closeCompare: '关闭比较',
    figure: '指标',
    gained: '新覆盖村庄',
    lost: '失去覆盖的村庄',
    differenceBA: '差值（B − A）',
    noScenarios: '尚无保存的方案',
    coverageLegendTitle: '县覆盖率',
    coveredVillage: '已覆盖村庄',
    uncoveredVillage: '未覆盖村庄',
    stationLegend: '站点及其服务范围',
    centerLegend: '县级中心',
    excludedLegend: '排除的站址',
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
    planTitle: 'Plan',
    model: 'Model',
    model_mclp: 'Most villages covered with N stations',
    model_lscp: 'Fewest stations for a target share',
    model_pmedian: 'Least average distance',
    'model_two-tier': 'Two tier: county centers + village stations',
    stationsN: 'New stations (N)',
    targetShare: 'Target share (%)',
    centersN: 'County centers',
    radiusKm: 'Station reach (km)',
    centerRadiusKm: 'Center reach (km)',
    demandVillages: 'Demand villages',
    candidateSites: 'Candidate sites',
    kind_rural: 'Rural villages only',
    kind_all: 'All villages',
    suggest: 'Suggest',
    cancel: 'Cancel',
    progress: 'Progress',
    qualityOptimal: 'optimal (proven)',
    qualityGap: 'within {gap} % of optimal',
    qualityUnknown: 'no bound on the optimum',
    cancelledNote: 'Cancelled: the best plan found so far',
    stoppedNote: 'Stopped before the planner had a plan; the previous plan is kept',
    solvedBy: '{solver}, {seconds} s',
    planFailed: 'Planning failed: {message}',
    planning: 'Planning…',
    totalsTitle: 'Coverage',
    villagesCovered: 'Villages covered',
    coveredOf: '{covered} of {total}',
    coverageShare: 'Coverage share',
    stations: 'Stations',
    centers: 'Centers',
    editTitle: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    addStation: 'Add station',
    editHint:
      'In "Add station" mode a click on the map adds a station; drag a station to move it; click one to select it. Keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo.',
    selectedSite: 'Selected site',
    siteStatus: 'Status',
    status_proposed: 'Proposed',
    status_existing: 'Existing',
    status_locked: 'Locked',
    status_excluded: 'Excluded',
    siteRole: 'Type',
    role_station: 'Village station',
    role_center: 'County center',
    deleteSite: 'Delete site',
    lockHint: 'When you suggest again, existing and locked sites stay and excluded sites are never chosen.',
    curveTitle: 'Coverage curve',
    curveHelp: 'Click the curve to set N',
    curveAxisX: 'Stations',
    curveAxisY: 'Coverage',
    curveEmpty: 'Shown after a "most villages covered" suggestion',
    curvePoint: '{n} stations: {share}',
    countiesTitle: 'Coverage by county',
    colName: 'County',
    colVillages: 'Villages',
    colCovered: 'Covered',
    colShare: 'Share',
    sortBy: 'Sort by {column}',
    zoomTo: 'Zoom to {name}',
    countyColour: 'Colour counties by',
    colour_density: 'Village density',
    colour_coverage: 'Coverage share',
    scenariosTitle: 'Scenarios',
    scenarioName: 'Scenario name',
    saveScenario: 'Save scenario',
    scenarioDefault: 'Scenario {n}',
    openScenario: 'Open',
    duplicate: 'Duplicate',
    deleteScenario: 'Delete',
    copyOf: '{name} (copy)',
    renameScenario: 'Name of scenario {name}',
    compareA: 'Scenario A',
    compareB: 'Scenario B',
    compare: 'Compare',
    closeCompare: 'Close comparison',
    figure: 'Figure',
    gained: 'Villages gained',
    lost: 'Villages lost',
    differenceBA: 'Difference (B − A)',
    noScenarios: 'No saved scenario yet',
    coverageLegendTitle: 'County coverage share',
    coveredVillage: 'Covered village',
    uncoveredVillage: 'Uncovered village',
    stationLegend: 'Station and its reach',
    centerLegend: 'County center',
    excludedLegend: 'Excluded site',
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

/** A number formatted for the current language, with at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits }).format(value);
}

/** A share in [0, 1] as a percentage for the current language, with exactly `digits` decimals (e.g. "75.6%"). */
export function formatPercent(share: number, digits = 1): string {
  return new Intl.NumberFormat(current, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** Fills every element that has `data-i18n="key"` with its string. */
export function translateStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as StringKey);
  });
}
