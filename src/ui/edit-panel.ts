/**
 * The edit card: Undo and Redo (also Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, see app/keyboard.ts), the "Add station"
 * mode (a toggle button), and the selected site: its status (proposed, existing, locked, excluded), its type
 * (village station or county center) and Delete.
 */
import { SITE_ROLE, SITE_ROLE_NAMES } from '../core/plan-types';
import { SITE_STATUS_NAMES } from '../core/types';
import type { AppState } from '../app/store';
import { button, labelled, selectOf } from './controls';
import { el } from './dom';
import { formatNumber, t, type StringKey } from './i18n';

/** What the panel asks of the app. */
export interface EditPanelActions {
  undo(): void;
  redo(): void;
  toggleAddMode(): void;
  markSite(k: number, status: number): void;
  setRole(k: number, role: number): void;
  deleteSite(k: number): void;
}

export class EditPanel {
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly addButton: HTMLButtonElement;
  private readonly site: HTMLElement;
  private shownSite: unknown = undefined;

  constructor(
    container: HTMLElement,
    state: AppState,
    private readonly actions: EditPanelActions,
  ) {
    this.undoButton = button(t('undo'), () => actions.undo(), { 'aria-keyshortcuts': 'Control+Z' });
    this.redoButton = button(t('redo'), () => actions.redo(), { 'aria-keyshortcuts': 'Control+Shift+Z Control+Y' });
    this.addButton = button(t('addStation'), () => actions.toggleAddMode(), { 'aria-pressed': 'false' });
    this.site = el('div', { class: 'site', 'aria-live': 'polite' });
    container.replaceChildren(
      el('h2', {}, t('editTitle')),
      el('div', { class: 'row' }, this.undoButton, this.redoButton, this.addButton),
      el('p', { class: 'help' }, t('editHint')),
      this.site,
    );
    this.update(state);
  }

  update(state: AppState): void {
    this.undoButton.disabled = state.history.past.length === 0 || state.run.status !== 'idle';
    this.redoButton.disabled = state.history.future.length === 0 || state.run.status !== 'idle';
    this.addButton.setAttribute('aria-pressed', String(state.editMode === 'add'));
    const k = state.selectedSite;
    const key = k === null ? null : `${k}:${state.plan.sites.status[k]}:${state.plan.sites.role[k]}`;
    if (key === this.shownSite) return;
    this.shownSite = key;
    this.site.replaceChildren(...(k === null ? [] : this.siteControls(state, k)));
  }

  private siteControls(state: AppState, k: number): Node[] {
    const sites = state.plan.sites;
    const status = selectOf(
      SITE_STATUS_NAMES.map((name, code) => [String(code), t(`status_${name}` as StringKey)]),
      String(sites.status[k]),
    );
    status.addEventListener('change', () => this.actions.markSite(k, Number(status.value)));
    const role = selectOf(
      SITE_ROLE_NAMES.map((name) => [String(SITE_ROLE[name]), t(`role_${name}` as StringKey)]),
      String(sites.role[k]),
    );
    role.addEventListener('change', () => this.actions.setRole(k, Number(role.value)));
    const position = `${formatNumber(sites.lon[k], 5)}, ${formatNumber(sites.lat[k], 5)}`;
    return [
      el('h3', {}, `${t('selectedSite')} · ${position}`),
      el('div', { class: 'controls' }, labelled(t('siteStatus'), status), labelled(t('siteRole'), role)),
      button(t('deleteSite'), () => this.actions.deleteSite(k), { 'aria-keyshortcuts': 'Delete' }),
      el('p', { class: 'help' }, t('lockHint')),
    ];
  }
}
