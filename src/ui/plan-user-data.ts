/**
 * The plan card's controls for the user's own data: where Suggest may place stations (villages of a kind, or the
 * imported candidate sites), the station reach by the user's travel matrix (minutes for durations, road km for
 * distances; shown only when Suggest uses the matrix, see src/app/user-data/travel-matrix.ts), a note that says whether and
 * why the matrix is used, and a button that makes the area the counties of the user's villages. Built once per
 * language with the plan card; `update` only changes values.
 */
import type { VillageKind } from '../core/live/coverage-api';
import type { PlanSettings } from '../app/planner/state';
import type { AppState } from '../app/store';
import { reachText, tableUse, tableUseLine } from '../app/user-data/travel-matrix';
import { button, labelled, numberInput, selectOf, showNumber } from './controls';
import { el } from './dom';
import { t } from './i18n';

export class PlanUserDataControls {
  /** The "Candidate sites" select and the station reach fields of the matrix (min, km), for the card's grid. */
  readonly candidatesField: HTMLLabelElement;
  readonly tableReachMinField: HTMLLabelElement;
  readonly tableReachKmField: HTMLLabelElement;
  /** Whether Suggest uses the matrix, and the button that makes the area the user's counties. */
  readonly tableNote: HTMLElement = el('p', { class: 'help', 'data-testid': 'table-note' });
  readonly userArea: HTMLButtonElement;
  private readonly candidates: HTMLSelectElement;
  private readonly tableReachMin: HTMLInputElement;
  private readonly tableReachKm: HTMLInputElement;
  private candidateOptionsFor: string | null | undefined = undefined;
  /** Counties of the user's villages (where the coverage worker placed them). */
  private userCounties: string[] = [];

  constructor(settings: PlanSettings, set: (patch: Partial<PlanSettings>) => void) {
    this.candidates = selectOf([], settings.candidates);
    this.candidates.dataset.testid = 'candidates';
    this.candidates.addEventListener('change', () => {
      const value = this.candidates.value;
      set(
        value === 'imported'
          ? { importedCandidates: true }
          : { candidates: value as VillageKind, importedCandidates: false },
      );
    });
    const min = { min: 1, max: 600, step: 1 };
    const km = { min: 0.1, max: 500, step: 0.5 };
    this.tableReachMin = numberInput(settings.tableReachMin, min, (v) => set({ tableReachMin: v }));
    this.tableReachKm = numberInput(settings.tableReachKm, km, (v) => set({ tableReachKm: v }));
    // The matrix has rows for the user's villages only: this makes them the whole demand.
    this.userArea = button('', () => {
      if (this.userCounties.length > 0) set({ area: this.userCounties });
    });
    this.candidatesField = labelled(t('candidateSites'), this.candidates);
    this.tableReachMinField = labelled(t('tableReachMin'), this.tableReachMin);
    this.tableReachKmField = labelled(t('tableReachKm'), this.tableReachKm);
  }

  /** Shows the state's choices and whether Suggest uses the matrix. */
  update(state: AppState): void {
    this.showCandidates(state);
    const s = state.settings;
    const use = tableUse(state);
    showNumber(this.tableReachMin, s.tableReachMin);
    showNumber(this.tableReachKm, s.tableReachKm);
    this.tableReachMinField.hidden = use.kind !== 'used' || use.unit !== 'min';
    this.tableReachKmField.hidden = use.kind !== 'used' || use.unit !== 'km';
    const line = tableUseLine(use);
    this.tableNote.hidden = line === null;
    this.tableNote.textContent =
      line === null ? '' : `${line} ${t('liveIsLine', { reach: reachText(s.radiusKm, 'km') })}`;
    const { villages, placed } = state.userData;
    this.userCounties = placed?.counties ?? [];
    const sameArea = [...s.area].sort().join() === this.userCounties.join();
    this.userArea.hidden = villages === null || this.userCounties.length === 0 || sameArea;
    this.userArea.textContent = villages === null ? '' : t('areaOfUserVillages', { file: villages.file });
  }

  /** Villages of a kind, or the imported candidate sites when there are some. */
  private showCandidates(state: AppState): void {
    const c = state.userData.candidates;
    const key = c === null ? null : `${c.file}|${c.count}`;
    if (key !== this.candidateOptionsFor) {
      this.candidateOptionsFor = key;
      const options: [string, string][] = [
        ['rural', t('kind_rural')],
        ['all', t('kind_all')],
      ];
      if (c !== null) options.push(['imported', t('candidatesImported', { file: c.file, n: c.count })]);
      this.candidates.replaceChildren(...options.map(([v, text]) => el('option', { value: v }, text)));
    }
    const s = state.settings;
    this.candidates.value = s.importedCandidates && c !== null ? 'imported' : s.candidates;
  }
}
