/**
 * Interface strings of the export card, in Simplified Chinese and English; merged into `strings.ts`, with the
 * same key rules.
 */
export const exportStrings = {
  'zh-CN': {
    exportTitle: '导出',
    exportPlanFile: '下载方案文件（JSON）',
    exportPlanHelp: '方案文件保存全部设置、当前方案与已保存方案，可在本应用或文本编辑器中打开。',
    exportGeoJson: 'GeoJSON（站点、村庄、县）',
    exportCsv: 'CSV（站点、村庄、县表）',
    exportXlsx: 'Excel 工作簿（.xlsx，每层一个工作表）',
    exportGpkg: 'GeoPackage（.gpkg，三个图层）',
    exportPng: '地图图片（PNG）',
    exportHelp:
      'GeoJSON 与 CSV 各下载三个文件，可直接在 QGIS、ArcGIS 或 Excel 中打开；图片为当前地图视图，含图例与数据来源。',
    exportRunning: '正在导出……',
    exportDone: '已下载：{files}',
    exportFailed: '导出失败：{message}（方案未受影响）',
    snapshotData: '数据',
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
    exportGeoJson: 'GeoJSON (sites, villages, counties)',
    exportCsv: 'CSV (sites, villages, county table)',
    exportXlsx: 'Excel workbook (.xlsx, a sheet per layer)',
    exportGpkg: 'GeoPackage (.gpkg, three layers)',
    exportPng: 'Map picture (PNG)',
    exportHelp:
      'GeoJSON and CSV each download three files that QGIS, ArcGIS and Excel open directly; the picture is the map view with its legend and data sources.',
    exportRunning: 'Exporting…',
    exportDone: 'Downloaded: {files}',
    exportFailed: 'Export failed: {message} (the plan is unchanged)',
    snapshotData: 'Data',
    siteId: 'Id',
    sitePhase: 'Phase',
    phaseNone: 'None',
    phaseYear: 'Year {year}',
  },
} as const;
