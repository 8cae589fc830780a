/**
 * Interface strings of the phase card (phasing the planner's plan by year and budget), in Simplified Chinese and
 * English; merged into `strings.ts`, with the same key rules. The cost fields reuse the rollout card's labels.
 */
export const phaseStrings = {
  'zh-CN': {
    phaseTitle: '按年度分期',
    phaseYearsLabel: '年数（1–5）',
    phaseBudget: '总预算（元）',
    phaseRun: '为方案分期',
    phaseRunning: '正在分期……',
    phaseFailed: '分期失败：{message}（方案未受影响）',
    phaseNoSites: '方案中还没有站点：先建议或添加站点。',
    phaseInvalid: '请填写 1–5 年及不小于 0 的金额。',
    phaseUnaffordable: '{n} 个站点在任何年份都超出预算，未分期（建设期为“未分期”）。',
    phaseAllBuilt: '全部站点均已分期。',
    phaseColYear: '年份',
    phaseColSites: '中心/服务站',
    phaseColCovered: '覆盖村数',
    phaseColShare: '覆盖率',
    phaseColSpend: '累计支出',
    phaseYearNow: '现有',
    phaseLegend: '站点按建设年份着色',
    phaseLegendNone: '未分期',
    phaseStale: '方案在分期后已修改；可再次分期。',
    phaseMethod:
      '方法：按贪心顺序计算各站点新增覆盖的村庄（懒惰贪心，Minoux 1978），按每元新增覆盖村数从高到低逐年开设站点；每年预算为总预算的 1/{years}，结余结转至以后年份、不可提前使用，已开设站点的运营费计入以后各年；两级方案中服务站不早于为其配送的中心开设。现有站点不计费用。',
  },
  en: {
    phaseTitle: 'Phase by year',
    phaseYearsLabel: 'Years (1–5)',
    phaseBudget: 'Total budget (yuan)',
    phaseRun: 'Phase the plan',
    phaseRunning: 'Phasing…',
    phaseFailed: 'Phasing failed: {message} (the plan is unchanged)',
    phaseNoSites: 'The plan has no sites yet: suggest or add some first.',
    phaseInvalid: 'Enter 1–5 years and amounts of 0 or more.',
    phaseUnaffordable: '{n} sites fit the budget in no year and are left unphased (phase "None").',
    phaseAllBuilt: 'Every site is phased.',
    phaseColYear: 'Year',
    phaseColSites: 'Centers/stations',
    phaseColCovered: 'Villages covered',
    phaseColShare: 'Share',
    phaseColSpend: 'Spend to date',
    phaseYearNow: 'Now',
    phaseLegend: 'Sites coloured by opening year',
    phaseLegendNone: 'Unphased',
    phaseStale: 'The plan has changed since it was phased; phase it again.',
    phaseMethod:
      'Method: the gain of a site is the villages it newly covers in greedy order (lazy greedy, Minoux 1978); sites open year by year in order of villages gained per yuan; each year gets 1/{years} of the budget, unspent money carries over and none is borrowed from later years, and running costs of open sites are committed for every later year; in a two-tier plan a station opens no earlier than a center that serves it. Existing sites cost nothing.',
  },
} as const;
