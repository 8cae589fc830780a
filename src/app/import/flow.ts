/**
 * The import flow of the data card: choose or drop a file, a first look in the import worker, then the import for
 * the chosen role, and its outcome on the card. Wiring only: parsing is the import worker's, state changes are the
 * pure actions of import/actions.ts, and the card (src/ui/data-panel.ts) is a view. A failed import applies no
 * patch, so the plan stays as it was.
 */
import * as Comlink from 'comlink';
import type { FileHeaders, ImportApi, ImportFailure, ImportProgress, ImportedPoints } from '../../io/import-api';
import { DataPanel, type DataPanelView, type ImportChoice } from '../../ui/data-panel';
import { downloadText } from '../../ui/export-panel';
import { formatNumber, getLocale, t } from '../../ui/i18n';
import { importErrorReason, importErrorText } from '../../io/problem-text';
import {
  addImportedSites,
  clearUserData,
  restorePlanFile,
  setUserCandidates,
  setUserMatrix,
  setUserVillages,
} from './actions';
import { undoPlan } from '../planner/actions';
import type { AppState, Store } from '../store';
import { candidatesLine, dataLine } from '../user-data/user-data';
import { tableUse, tableUseLine } from '../user-data/travel-matrix';

/** Starts the import worker (a module worker bundled by Vite). */
export function createImportWorker(): Comlink.Remote<ImportApi> {
  const worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  return Comlink.wrap<ImportApi>(worker);
}

/** Figures the browser tests read (no behaviour): imports finished, and progress reports with a row count. */
interface ImportHooks {
  __importsDone?: number;
  __importRowReports?: number[];
}

/** Lines about the data in use. */
export function dataLines(state: AppState): string[] {
  const lines = [dataLine(state.userData)];
  const outside = state.userData.placed?.outside ?? 0;
  if (outside > 0) lines.push(t('dataOutside', { n: outside }));
  const candidates = candidatesLine(state.userData);
  if (candidates !== null) lines.push(candidates);
  const m = state.userData.matrix;
  if (m !== null) {
    lines.push(
      t('dataMatrix', {
        file: m.file,
        rows: m.rows,
        cols: m.cols,
        unit: t(m.unit === 's' ? 'unitSeconds' : 'unitMetres'),
      }),
    );
    // Whether Suggest uses it, or why not.
    const use = tableUseLine(tableUse(state));
    if (use !== null) lines.push(use);
  }
  return lines;
}

/** "Cannot import" and the file's error in the current language. */
const failedText = (error: ImportFailure) => t('importFailed', { message: importErrorText(error, getLocale()) });

/** True when a failure is about swapped lon/lat (no row was kept and the first bad one looked swapped). */
const swapFailure = (error: ImportFailure) =>
  error.code === 'noUsableRows' && ['swapped', 'swappedOutOfRange'].includes(error.firstProblem?.code ?? '');

export class ImportFlow {
  private panel!: DataPanel;
  private file: File | null = null;
  private headers: FileHeaders | null = null;
  private view: DataPanelView;
  private problemsCsv = '';
  private problemsFile = '';
  /** True when the last import added sites (a swap retry replaces them rather than adding them twice). */
  private addedSites = false;

  constructor(
    private readonly store: Store,
    private readonly importer: Comlink.Remote<ImportApi>,
    private readonly root: HTMLElement,
    /** The road network's part of the card (src/app/roads/flow.ts), drawn at its end. */
    private readonly extra?: () => HTMLElement,
  ) {
    this.view = this.emptyView();
    // The data lines say whether Suggest uses the matrix, which depends on the settings, the demand and the plan.
    store.subscribe((state, previous) => {
      const changed =
        state.userData !== previous.userData ||
        (state.userData.matrix !== null &&
          (state.settings !== previous.settings ||
            state.province !== previous.province ||
            state.plan.sites !== previous.plan.sites));
      if (changed) this.render();
    });
    this.build();
  }

  /** Builds the card in the current language (again after a change of language). */
  build(): void {
    this.panel = new DataPanel(
      this.root,
      {
        chooseFile: (file) => void this.choose(file),
        importFile: (choice) => void this.run(choice, false),
        swapAndImport: (choice) => void this.run(choice, true),
        downloadProblems: () => downloadText(this.problemsCsv, this.problemsFile, 'text/csv;charset=utf-8'),
        backToEmbedded: () => {
          this.store.set(clearUserData(this.store.get()));
          this.view = this.emptyView();
          this.render();
        },
      },
      this.extra?.(),
    );
    if (this.file !== null) this.panel.showFile(this.file.name, this.headers);
    this.render();
  }

  /** A file chosen with the button or dropped on the map: a first look, then the form. */
  async choose(file: File): Promise<void> {
    this.file = file;
    this.headers = null;
    this.view = { ...this.emptyView(), busy: true };
    this.panel.showFile(file.name, null);
    this.render();
    const answer = await this.importer.headers(file, file.name);
    if (this.file !== file) return;
    if (answer.ok) this.headers = answer.value;
    this.view = { ...this.emptyView(), error: answer.ok ? null : failedText(answer.error) };
    this.panel.showFile(file.name, this.headers);
    this.render();
  }

  /** Imports the chosen file for the chosen role; `swap` re-reads with lon/lat swapped. */
  async run(choice: ImportChoice, swap: boolean): Promise<void> {
    const file = this.file;
    if (file === null || this.view.busy) return;
    this.view = { ...this.emptyView(), busy: true, progress: t('importParsing') };
    this.render();
    try {
      if (choice.role === 'plan') await this.importPlan(file);
      else if (choice.role === 'osrm') await this.importMatrix(file);
      else await this.importPoints(file, choice, swap);
    } catch (error) {
      this.fail(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const hooks = window as unknown as ImportHooks;
    hooks.__importsDone = (hooks.__importsDone ?? 0) + 1;
  }

  private async importPoints(file: File, choice: ImportChoice, swap: boolean): Promise<void> {
    const role = choice.role as ImportedPoints['role'];
    const progress = Comlink.proxy((p: ImportProgress) => {
      const bytes = { read: formatNumber(p.bytesRead), total: formatNumber(p.bytesTotal) };
      if (p.rows !== undefined) ((window as unknown as ImportHooks).__importRowReports ??= []).push(p.rows);
      this.view.progress =
        p.rows !== undefined
          ? t('importRows', { ...bytes, rows: formatNumber(p.rows) })
          : p.stage === 'reading'
            ? t('importReading', bytes)
            : t('importParsing');
      this.render();
    });
    const answer = await this.importer.readPoints(
      file,
      {
        file: file.name,
        role,
        crs: choice.crs,
        ...(choice.weightField !== '' && { weightField: choice.weightField }),
        ...(choice.idField !== '' && { idField: choice.idField }),
        ...(choice.sheet !== undefined && choice.sheet !== '' && { sheet: choice.sheet }),
        ...(choice.layer !== undefined && choice.layer !== '' && { layer: choice.layer }),
        swapAxes: swap,
        locale: getLocale(),
      },
      progress,
    );
    if (!answer.ok) {
      this.fail(failedText(answer.error), !swap && swapFailure(answer.error));
      return;
    }
    const points = answer.value;
    // A swap retry of existing sites replaces the sites the first try added: undo it first, then add.
    const current = this.store.get();
    const undone = swap && this.addedSites && role === 'existing' ? undoPlan(current) : null;
    const base = undone === null ? current : { ...current, ...undone };
    const patch =
      role === 'villages'
        ? setUserVillages(base, points, choice.weightField || undefined)
        : role === 'candidates'
          ? setUserCandidates(base, points)
          : addImportedSites(base, points);
    this.store.set(undone === null ? patch : { ...undone, ...patch });
    this.addedSites = role === 'existing';
    this.problemsCsv = points.problemsCsv;
    this.problemsFile = `${file.name.replace(/\.[^.]*$/, '')}-problems.csv`;
    this.view = {
      ...this.emptyView(),
      result: {
        kept: points.count,
        total: points.recordCount,
        problemCount: points.problemCount,
        firstProblems: points.firstProblems,
        swapSuspects: points.swapSuspects,
        warnings: points.warnings ?? [],
      },
      swapOffer: !points.swapped && points.swapSuspects > 0,
      message:
        role === 'villages'
          ? null
          : role === 'candidates'
            ? t('importedCandidates', { n: points.count, file: file.name })
            : t('importedSites', { n: points.count }),
    };
    this.render();
  }

  private async importPlan(file: File): Promise<void> {
    const answer = await this.importer.readPlan(file, file.name);
    if (!answer.ok) return this.fail(failedText(answer.error));
    this.store.set(restorePlanFile(this.store.get(), answer.value));
    this.addedSites = false;
    const n = answer.value.plan.sites.length;
    // A plan made on a user's villages says so (its `data` field): the figures match only with that file.
    const demand = answer.value.data?.demand ?? '';
    const madeOn = demand.startsWith('file:') ? demand.slice(5) : null;
    const note = madeOn !== null && madeOn !== this.store.get().userData.villages?.file;
    const message = t('importedPlan', { file: file.name, n }) + (note ? ` ${t('planMadeOn', { file: madeOn })}` : '');
    this.view = { ...this.emptyView(), message };
    this.render();
  }

  private async importMatrix(file: File): Promise<void> {
    // Rows are the user's villages and columns their candidate sites, by order: both must be imported first.
    const { userData } = this.store.get();
    const rows = userData.villages?.count;
    const cols = userData.candidates?.count;
    if (rows === undefined || cols === undefined) return this.fail(t('matrixNeedsData'));
    const answer = await this.importer.readMatrix(file, file.name, rows, cols);
    if (!answer.ok) {
      // A table of other sizes: one message with both sizes (the matrix in use, if any, stays).
      const { code } = answer.error;
      if (code === 'osrmRows' || code === 'osrmCols') {
        const shown = importErrorReason(answer.error, getLocale());
        return this.fail(t('matrixMismatch', { file: file.name, reason: shown, rows, cols }));
      }
      return this.fail(failedText(answer.error));
    }
    this.store.set(setUserMatrix(this.store.get(), answer.value));
    const { rows: r, cols: c } = answer.value;
    this.view = { ...this.emptyView(), message: t('importedMatrix', { file: file.name, rows: r, cols: c }) };
    this.render();
  }

  private fail(message: string, swapOffer = false): void {
    this.view = { ...this.emptyView(), error: message, swapOffer };
    this.render();
  }

  private emptyView(): DataPanelView {
    return {
      dataLines: [],
      userData: false,
      busy: false,
      progress: null,
      result: null,
      message: null,
      error: null,
      swapOffer: false,
    };
  }

  private render(): void {
    const state = this.store.get();
    const { villages, candidates, matrix } = state.userData;
    const userData = villages !== null || candidates !== null || matrix !== null;
    this.panel.show({ ...this.view, dataLines: dataLines(state), userData });
  }
}
