/**
 * The data card: which data the plan uses, a file button (files may also be dropped on the map), what a first look
 * at the chosen file found (format, encoding, delimiter), the import options (role, coordinate system, weight and
 * id fields; the sheet of an Excel workbook, the layer of a GeoPackage), progress, and after an import its
 * summary, its warnings, the first problems, the problems download and the offer to
 * swap lon/lat. Everything from the file (names, fields, messages) is set as text.
 */
import type { FileHeaders, ImportRole } from '../io/import-api';
import type { PointCrs } from '../io/crs';
import type { InputProblem } from '../io/problems';
import { el } from './dom';
import { formatNumber, getLocale, t, type StringKey } from './i18n';
import { problemText } from '../io/problem-text';

/** What the card shows besides the form. */
export interface DataPanelView {
  /** "Villages: ..." and other lines about the data in use. */
  dataLines: string[];
  /** True when the user's data is in use (shows "Back to embedded data"). */
  userData: boolean;
  busy: boolean;
  /** Progress text while busy. */
  progress: string | null;
  /** The last import's figures, or null. */
  result: {
    kept: number;
    total: number;
    problemCount: number;
    firstProblems: InputProblem[];
    /** Rows that looked swapped, when the swap was not made. */
    swapSuspects: number;
    /** Plausible but suspicious things about the file (its rows were kept): points outside China, ... */
    warnings?: InputProblem[];
  } | null;
  /** One line: what the last import did (sites added, plan restored, matrix read), or null. */
  message: string | null;
  /** One clear message when the last file could not be used, or null. */
  error: string | null;
  /** True when the failure or result offers to swap lon/lat. */
  swapOffer: boolean;
}

/** The import options chosen on the card. */
export interface ImportChoice {
  role: ImportRole;
  crs: PointCrs;
  /** Empty: automatic. */
  weightField: string;
  idField: string;
  /** Excel: the sheet chosen (empty: the first). */
  sheet?: string;
  /** GeoPackage: the layer chosen (empty: the first point layer). */
  layer?: string;
}

export interface DataPanelActions {
  chooseFile(file: File): void;
  importFile(choice: ImportChoice): void;
  swapAndImport(choice: ImportChoice): void;
  downloadProblems(): void;
  backToEmbedded(): void;
}

const ROLES: [ImportRole, StringKey][] = [
  ['villages', 'roleVillages'],
  ['candidates', 'roleCandidates'],
  ['existing', 'roleExisting'],
  ['osrm', 'roleOsrm'],
  ['plan', 'rolePlan'],
];
const CRS: [PointCrs, StringKey][] = [
  ['wgs84', 'crsWgs84'],
  ['gcj02', 'crsGcj02'],
  ['bd09', 'crsBd09'],
];
const DELIMITERS: Record<string, string> = { ',': ', (comma)', '\t': 'tab', ';': '; (semicolon)', '|': '| (bar)' };

/** The card, built once per language; `show` redraws the parts that change. */
export class DataPanel {
  private readonly status = el('div', { class: 'data-status', 'aria-live': 'polite' });
  private readonly fileInfo = el('div', { class: 'data-file' });
  private readonly form = el('div', { class: 'data-form' });
  private readonly input = el('input', { type: 'file', id: 'data-file-input', class: 'visually-hidden' });
  private readonly linesBox = el('div', { class: 'data-lines', 'data-testid': 'data-line' });
  private readonly backButton = el('button', { type: 'button' }, t('backToEmbedded'));
  private choice: () => ImportChoice = () => ({ role: 'villages', crs: 'wgs84', weightField: '', idField: '' });
  private importButton: HTMLButtonElement | null = null;

  /**
   * @param extra a part drawn at the card's end by another flow (the road network, src/ui/roads-panel.ts)
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DataPanelActions,
    extra?: HTMLElement,
  ) {
    this.input.setAttribute('accept', '.csv,.tsv,.txt,.json,.geojson,.zip,.xlsx,.xls,.gpkg');
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) actions.chooseFile(file);
      this.input.value = '';
    });
    const chooseButton = el('button', { type: 'button' }, t('chooseFile'));
    chooseButton.addEventListener('click', () => this.input.click());
    this.backButton.addEventListener('click', () => actions.backToEmbedded());
    root.replaceChildren(
      el('h2', {}, t('dataTitle')),
      this.linesBox,
      this.backButton,
      el('div', { class: 'row' }, chooseButton, this.input),
      el('p', { class: 'help' }, t('dropHint')),
      this.fileInfo,
      this.form,
      this.status,
      ...(extra === undefined ? [] : [extra]),
    );
  }

  /** Shows a chosen file: its name and what the first look found, and the import form for it. */
  showFile(name: string, headers: FileHeaders | null): void {
    const facts: string[] = [];
    if (headers !== null) {
      facts.push(t('fileFormat', { format: headers.format }));
      if (headers.encoding !== undefined) facts.push(t('fileEncoding', { encoding: headers.encoding }));
      if (headers.delimiter !== undefined) {
        facts.push(t('fileDelimiter', { delimiter: DELIMITERS[headers.delimiter] ?? headers.delimiter }));
      }
      facts.push(t('fileSize', { n: headers.bytes }));
    }
    this.fileInfo.replaceChildren(
      el('div', { class: 'data-file-name', 'data-testid': 'data-file-name' }, name),
      el('div', { class: 'help' }, facts.join(' · ')),
    );
    this.form.replaceChildren();
    this.importButton = null;
    if (headers === null) return;
    const select = (label: string, id: string, options: [string, string][], value: string) => {
      const node = el('select', { id });
      node.replaceChildren(...options.map(([v, text]) => el('option', { value: v }, text)));
      node.value = value;
      return { node, field: el('label', { class: 'field' }, el('span', {}, label), node) };
    };
    const role = select(
      t('importRole'),
      'data-role',
      ROLES.map(([v, key]) => [v, t(key)]),
      headers.role,
    );
    const crs = select(
      t('importCrs'),
      'data-crs',
      CRS.map(([v, key]) => [v, t(key)]),
      'wgs84',
    );
    const fieldOptions = (fields: readonly string[]): [string, string][] => [
      ['', t('fieldDefault')],
      ...fields.map((f): [string, string] => [f, f]),
    ];
    const weight = select(t('weightField'), 'data-weight', fieldOptions(headers.fields), '');
    const id = select(t('idField'), 'data-id', fieldOptions(headers.fields), '');
    // Excel sheets or GeoPackage layers: a picker, whose choice also sets the fields offered for weight and id.
    const parts = headers.sheets ?? headers.layers ?? [];
    const part =
      parts.length === 0
        ? undefined
        : select(
            t(headers.sheets !== undefined ? 'importSheet' : 'importLayer'),
            headers.sheets !== undefined ? 'data-sheet' : 'data-layer',
            parts.map(({ name }): [string, string] => [name, name]),
            parts[0].name,
          );
    part?.node.addEventListener('change', () => {
      const fields = parts.find(({ name }) => name === part.node.value)?.fields ?? [];
      for (const picker of [weight, id]) {
        picker.node.replaceChildren(...fieldOptions(fields).map(([v, text]) => el('option', { value: v }, text)));
        picker.node.value = '';
      }
    });
    const pointOptions = [crs.field, ...(part ? [part.field] : []), weight.field, id.field];
    const syncRole = () => {
      const points = !['osrm', 'plan'].includes(role.node.value);
      for (const field of pointOptions) field.hidden = !points;
    };
    role.node.addEventListener('change', syncRole);
    syncRole();
    this.choice = () => ({
      role: role.node.value as ImportRole,
      crs: crs.node.value as PointCrs,
      weightField: weight.node.value,
      idField: id.node.value,
      ...(part && headers.sheets !== undefined && { sheet: part.node.value }),
      ...(part && headers.layers !== undefined && { layer: part.node.value }),
    });
    const button = el('button', { type: 'button', class: 'primary' }, t('importButton'));
    button.addEventListener('click', () => this.actions.importFile(this.choice()));
    this.importButton = button;
    this.form.replaceChildren(role.field, ...pointOptions, button);
  }

  /** Redraws the data lines and the last import's outcome. */
  show(view: DataPanelView): void {
    this.linesBox.replaceChildren(...view.dataLines.map((line) => el('div', {}, line)));
    this.backButton.hidden = !view.userData;
    if (this.importButton !== null) this.importButton.disabled = view.busy;
    const parts: Node[] = [];
    if (view.busy && view.progress !== null) parts.push(el('p', { class: 'help' }, view.progress));
    if (view.error !== null)
      parts.push(el('p', { class: 'error', role: 'alert', 'data-testid': 'import-error' }, view.error));
    if (view.result !== null) {
      const r = view.result;
      const summary = t(r.problemCount === 1 ? 'importSummaryOne' : 'importSummary', {
        kept: r.kept,
        total: r.total,
        problems: r.problemCount,
      });
      parts.push(el('p', { 'data-testid': 'import-summary' }, summary));
      if (r.problemCount > 0) {
        const download = el('button', { type: 'button', 'data-testid': 'download-problems' }, t('downloadProblems'));
        download.addEventListener('click', () => this.actions.downloadProblems());
        parts.push(download);
        parts.push(
          el('ul', { class: 'problems' }, ...r.firstProblems.map((p) => el('li', {}, problemText(p, getLocale())))),
        );
      }
      if (r.warnings !== undefined && r.warnings.length > 0) {
        parts.push(
          el(
            'ul',
            { class: 'warnings', 'data-testid': 'import-warnings' },
            ...r.warnings.map((w) => el('li', {}, problemText(w, getLocale()))),
          ),
        );
      }
      if (view.swapOffer) parts.push(el('p', {}, t('swapOffer', { n: formatNumber(r.swapSuspects) })));
    }
    if (view.swapOffer) {
      const swap = el('button', { type: 'button', 'data-testid': 'swap-axes' }, t('swapButton'));
      swap.addEventListener('click', () => this.actions.swapAndImport(this.choice()));
      swap.disabled = view.busy;
      parts.push(swap);
    }
    if (view.message !== null) parts.push(el('p', { 'data-testid': 'import-message' }, view.message));
    this.status.replaceChildren(...parts);
  }
}
