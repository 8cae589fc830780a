/**
 * Interface strings of the export card, in Simplified Chinese and English; merged into `strings.ts`, with the
 * same key rules.
 */
export const exportStrings = {
  'zh-CN': {
    exportTitle: '导出',
    exportPlanFile: '下载方案文件（JSON）',
    exportPlanHelp: '方案文件保存全部设置、当前方案与已保存方案，可在本应用或文本编辑器中打开。',
    siteId: '编号',
    sitePhase: '建设期',
    phaseNone: '未分期',
    phaseYear: '第 {year} 年',
  },
  en: {
    exportTitle: 'Export',
    exportPlanFile: 'Download plan file (JSON)',
    exportPlanHelp:
      'The plan file holds every setting, the current plan and the saved scenarios; readable by this app and by a text editor.',
    siteId: 'Id',
    sitePhase: 'Phase',
    phaseNone: 'None',
    phaseYear: 'Year {year}',
  },
} as const;
