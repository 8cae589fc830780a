/**
 * The edit card: Undo and Redo (also Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, see app/keyboard.ts), the "Add station"
 * mode (a toggle button), and the selected site: its id, its status (proposed, existing, locked, excluded), its
 * type (village station or county center), its rollout phase (year 1 to 5 or none) and Delete.
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
  /** Sets site k's rollout year (1 to {@link PHASE_YEARS}) or 0 for none. */
  setPhase(k: number, phase: number): void;
  deleteSite(k: number): void;
  /** Selects site k (0-based), or none. */
  selectSite(k: number | null): void;
}

/** Years a site's phase can be set to in the panel (the rollout plans over 5 years; DESIGN.md). */
export const PHASE_YEARS = 5;

export class EditPanel {
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly addButton: HTMLButtonElement;
  private readonly site: HTMLElement;
  private shownSite: unknown = undefined;
  private readonly siteNumber: HTMLInputElement;
  private readonly previousButton: HTMLButtonElement;
  private readonly nextButton: HTMLButtonElement;
  private readonly siteCount: HTMLElement;

  constructor(
    container: HTMLElement,
    state: AppState,
    private readonly actions: EditPanelActions,
  ) {
    this.undoButton = button(t('undo'), () => actions.undo(), { 'aria-keyshortcuts': 'Control+Z' });
    this.redoButton = button(t('redo'), () => actions.redo(), { 'aria-keyshortcuts': 'Control+Shift+Z Control+Y' });
    this.addButton = button(t('addStation'), () => actions.toggleAddMode(), { 'aria-pressed': 'false' });
    this.site = el('div', { class: 'site', 'aria-live': 'polite' });
    // The sites without a mouse: a number field (1-based, as a planner counts) and previous / next.
    this.siteNumber = el('input', { type: 'number', min: '1', step: '1', 'data-testid': 'site-number' });
    this.siteNumber.addEventListener('change', () => {
      const n = Math.round(Number(this.siteNumber.value));
      if (this.siteNumber.value.trim() === '') actions.selectSite(null);
      else if (n >= 1 && n <= this.count) actions.selectSite(n - 1);
    });
    const step = (by: number) => {
      if (this.count === 0) return;
      const k = this.selected === null ? (by > 0 ? 0 : this.count - 1) : (this.selected + by + this.count) % this.count;
      actions.selectSite(k);
    };
    this.previousButton = button(t('previousSite'), () => step(-1));
    this.nextButton = button(t('nextSite'), () => step(1));
    this.siteCount = el('span', { class: 'help' });
    container.replaceChildren(
      el('h2', {}, t('editTitle')),
      el('div', { class: 'row' }, this.undoButton, this.redoButton, this.addButton),
      el('p', { class: 'help' }, t('editHint')),
      el(
        'div',
        { class: 'row', role: 'group', 'aria-label': t('siteList') },
        labelled(t('siteListLabel'), this.siteNumber),
        this.siteCount,
        this.previousButton,
        this.nextButton,
      ),
      el('p', { class: 'help' }, t('keyboardHint')),
      this.site,
    );
    this.update(state);
  }

  private count = 0;
  private selected: number | null = null;

  update(state: AppState): void {
    this.count = state.plan.sites.count;
    this.selected = state.selectedSite;
    this.siteNumber.max = String(Math.max(1, this.count));
    if (document.activeElement !== this.siteNumber) {
      this.siteNumber.value = state.selectedSite === null ? '' : String(state.selectedSite + 1);
    }
    this.siteCount.textContent = `/ ${formatNumber(this.count)}`;
    this.previousButton.disabled = this.count === 0;
    this.nextButton.disabled = this.count === 0;
    this.undoButton.disabled = state.history.past.length === 0 || state.run.status !== 'idle';
    this.redoButton.disabled = state.history.future.length === 0 || state.run.status !== 'idle';
    this.addButton.setAttribute('aria-pressed', String(state.editMode === 'add'));
    const k = state.selectedSite;
    const sites = state.plan.sites;
    const key =
      k === null
        ? null
        : `${k}:${sites.id[k]}:${sites.status[k]}:${sites.role[k]}:${sites.phase[k]}:${sites.lon[k]}:${sites.lat[k]}`;
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
    // Phases beyond the panel's years (from a file) stay shown as they are.
    const years = Math.max(PHASE_YEARS, sites.phase[k]);
    const phase = selectOf(
      [
        ['0', t('phaseNone')],
        ...Array.from({ length: years }, (_, y): [string, string] => [String(y + 1), t('phaseYear', { year: y + 1 })]),
      ],
      String(sites.phase[k]),
    );
    phase.dataset.testid = 'site-phase';
    phase.addEventListener('change', () => this.actions.setPhase(k, Number(phase.value)));
    const position = `${formatNumber(sites.lon[k], 5)}, ${formatNumber(sites.lat[k], 5)}`;
    return [
      el('h3', {}, `${t('selectedSite')} · ${position}`),
      el('p', {}, `${t('siteId')}: `, el('code', { 'data-testid': 'site-id' }, sites.id[k])),
      el(
        'div',
        { class: 'controls' },
        labelled(t('siteStatus'), status),
        labelled(t('siteRole'), role),
        labelled(t('sitePhase'), phase),
      ),
      button(t('deleteSite'), () => this.actions.deleteSite(k), { 'aria-keyshortcuts': 'Delete' }),
      el('p', { class: 'help' }, t('lockHint')),
    ];
  }
}
