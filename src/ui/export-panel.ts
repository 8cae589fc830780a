/**
 * The export card: the plan as GeoJSON (three layers), as CSV (three tables, UTF-8 with a BOM for Excel), as one
 * Excel workbook (a sheet per layer) or one GeoPackage (a layer per layer, for QGIS), a PNG
 * picture of the map view, and the plan file (the whole planner state as versioned JSON). Each download goes
 * through a Blob URL. While an export runs its buttons are disabled and a status line says so; a failed export
 * shows its message and changes nothing in the plan.
 */
import { el } from './dom';
import { t, type StringKey } from './i18n';

/** The exports that take time (built in a worker or drawn from the map). */
export type ExportKind = 'geojson' | 'csv' | 'xlsx' | 'gpkg' | 'png';

/** One file to download. */
export interface ExportFile {
  name: string;
  data: string | Blob;
  /** MIME type. */
  type: string;
}

/** What the card needs: the plan file text, made when the button is pressed, and the other exports' files. */
export interface ExportActions {
  planFile(): string;
  files(kind: ExportKind): Promise<ExportFile[]>;
}

/** Starts a download of `data` as `fileName` (a Blob URL, released after the click). */
export function downloadText(data: string | Blob, fileName: string, type: string): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const link = el('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const KINDS: { kind: ExportKind; label: StringKey }[] = [
  { kind: 'geojson', label: 'exportGeoJson' },
  { kind: 'csv', label: 'exportCsv' },
  { kind: 'xlsx', label: 'exportXlsx' },
  { kind: 'gpkg', label: 'exportGpkg' },
  { kind: 'png', label: 'exportPng' },
];

/** The export running, and the card shown now (a change of language renders a new one meanwhile). */
let running: ExportKind | null = null;
let shown: { status: HTMLElement; show(busy: ExportKind | null): void } | null = null;

/** Renders the card into `root` (again after a change of language). */
export function renderExportPanel(root: HTMLElement, actions: ExportActions): void {
  const status = el('p', { class: 'help', 'aria-live': 'polite', 'data-testid': 'export-status' });
  const buttons = KINDS.map(({ kind, label }) =>
    el('button', { type: 'button', 'data-export': kind, 'aria-describedby': 'export-help' }, t(label)),
  );
  const planButton = el('button', { type: 'button', 'aria-describedby': 'export-plan-help' }, t('exportPlanFile'));
  const show = (busy: ExportKind | null) => {
    for (const button of buttons) button.disabled = busy !== null;
    if (busy !== null) {
      status.classList.remove('error');
      status.removeAttribute('role');
      status.textContent = t('exportRunning');
    }
  };
  buttons.forEach((button, k) =>
    button.addEventListener('click', () => {
      if (running !== null) return;
      const kind = KINDS[k].kind;
      running = kind;
      show(kind);
      actions
        .files(kind)
        .then((files) => {
          for (const file of files) downloadText(file.data, file.name, file.type);
          running = null;
          shown?.show(null);
          if (shown) shown.status.textContent = t('exportDone', { files: files.map((f) => f.name).join(', ') });
        })
        .catch((error: unknown) => {
          running = null;
          shown?.show(null);
          if (!shown) return;
          shown.status.classList.add('error');
          shown.status.setAttribute('role', 'alert');
          const message = error instanceof Error ? error.message : String(error);
          shown.status.textContent = t('exportFailed', { message });
        });
    }),
  );
  planButton.addEventListener('click', () =>
    downloadText(actions.planFile(), 'ruralreach-plan.json', 'application/json'),
  );
  shown = { status, show };
  show(running);
  root.replaceChildren(
    el('h2', {}, t('exportTitle')),
    el('div', { class: 'row' }, ...buttons),
    el('p', { id: 'export-help', class: 'help' }, t('exportHelp')),
    status,
    planButton,
    el('p', { id: 'export-plan-help', class: 'help' }, t('exportPlanHelp')),
  );
}
