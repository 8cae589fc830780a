/**
 * The export card: downloads the plan file (the whole planner state as versioned JSON) through a Blob URL.
 */
import { el } from './dom';
import { t } from './i18n';

/** What the card needs: the current plan file text, made when the button is pressed. */
export interface ExportActions {
  planFile(): string;
}

/** Starts a download of `text` as `fileName` (a Blob URL, released after the click). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Renders the card into `root` (again after a change of language). */
export function renderExportPanel(root: HTMLElement, actions: ExportActions): void {
  const planButton = el('button', { type: 'button', 'aria-describedby': 'export-plan-help' }, t('exportPlanFile'));
  planButton.addEventListener('click', () =>
    downloadText(actions.planFile(), 'ruralreach-plan.json', 'application/json'),
  );
  root.replaceChildren(
    el('h2', {}, t('exportTitle')),
    planButton,
    el('p', { id: 'export-plan-help', class: 'help' }, t('exportPlanHelp')),
  );
}
