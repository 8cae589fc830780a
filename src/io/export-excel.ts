/**
 * A plan as one Excel workbook (.xlsx): a sheet per layer (sites, villages, counties) with the columns of the CSV
 * export (src/io/export-csv.ts) and Chinese column titles and sheet names on request. Numbers stay numbers and
 * true/false stay booleans; text is written as text, never as a formula, so a cell from the user's file cannot run
 * in a spreadsheet. Written by write-excel-file (MIT). The sheets read back with the point reader (src/io/excel.ts):
 * `lon`/`lat` and 经度/纬度 are both coordinate columns it knows.
 */
import writeXlsxFile from 'write-excel-file/universal';
import { COUNTY_COLUMNS, SITE_COLUMNS, VILLAGE_COLUMNS } from './export-csv';
import type { PlanExportTables } from './export-model';

/** Languages of the column titles. */
export type ExcelLocale = 'en' | 'zh-CN';

/** Chinese titles of the export columns and sheets (English: the CSV column names). */
export const EXCEL_TITLES_ZH: Readonly<Record<string, string>> = {
  sites: '站点',
  villages: '村庄',
  counties: '县区',
  id: '编号',
  lon: '经度',
  lat: '纬度',
  role: '角色',
  status: '状态',
  phase: '年份',
  coveredWeight: '覆盖权重',
  marginalWeight: '边际权重',
  weight: '权重',
  covered: '已覆盖',
  nearestSiteId: '最近站点',
  nearestKm: '最近距离_公里',
  countyCode: '县区代码',
  code: '代码',
  name: '名称',
  villages_count: '村庄数',
  coveredVillages: '已覆盖村庄数',
  coverage: '覆盖率',
};

type Cell = string | number | boolean | null;

/**
 * The plan's three tables as one .xlsx workbook.
 * @param locale `zh-CN` for Chinese sheet names and column titles (default English: the CSV column names)
 * @example
 * writeFileSync('plan.xlsx', await planXlsx(planExportTables(input), 'zh-CN'));
 */
export async function planXlsx(tables: PlanExportTables, locale: ExcelLocale = 'en'): Promise<Uint8Array> {
  const title = (key: string, column = key) => (locale === 'zh-CN' ? (EXCEL_TITLES_ZH[key] ?? column) : column);
  const sheet = <T extends object>(name: string, rows: readonly T[], columns: readonly (keyof T & string)[]) => ({
    sheet: title(name),
    data: [
      // The county table's `villages` column shares its English name with the villages sheet.
      columns.map((column) => ({
        value: title(name === 'counties' && column === 'villages' ? 'villages_count' : column, column),
        fontWeight: 'bold' as const,
      })),
      ...rows.map((row) => columns.map((column) => cell(row[column]))),
    ],
  });
  const blob = await writeXlsxFile([
    sheet('sites', tables.sites, SITE_COLUMNS),
    sheet('villages', tables.villages, VILLAGE_COLUMNS),
    sheet('counties', tables.counties, COUNTY_COLUMNS),
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
