/**
 * The plan card's road reach: "Station reach by road (min)" and the switch that turns it on, shown while a road
 * network is loaded, and a note saying whether Suggest uses the roads or why not (src/app/roads/use.ts). Built
 * once per language with the plan card; `update` only changes values.
 */
import type { PlanSettings } from '../app/planner/state';
import { roadUse, roadUseLine } from '../app/roads/use';
import type { AppState } from '../app/store';
import { reachText } from '../app/user-data/travel-matrix';
import { labelled, numberInput, showNumber } from './controls';
import { el } from './dom';
import { t } from './i18n';

export class RoadsPlanControls {
  /** The switch and the minutes, for the card's grid; the note, under it. */
  readonly useField: HTMLLabelElement;
  readonly minutesField: HTMLLabelElement;
  readonly note: HTMLElement = el('p', { class: 'help', 'data-testid': 'roads-note' });
  /** "Isochrone: S3, 15 min by road" while the selected site's isochrone is drawn. */
  readonly isochrone: HTMLElement = el('p', { class: 'help', 'data-testid': 'roads-isochrone' });
  private readonly use: HTMLInputElement;
  private readonly minutes: HTMLInputElement;

  constructor(settings: PlanSettings, set: (patch: Partial<PlanSettings>) => void) {
    this.use = el('input', { type: 'checkbox' });
    this.use.checked = settings.roadReach;
    this.use.addEventListener('change', () => set({ roadReach: this.use.checked }));
    this.minutes = numberInput(settings.roadReachMin, { min: 1, max: 600, step: 1 }, (v) => set({ roadReachMin: v }));
    this.useField = labelled(t('roadsUse'), this.use);
    this.minutesField = labelled(t('roadsReach'), this.minutes);
  }

  /** Shows the settings and the note while a network is loaded; hides all without one. */
  update(state: AppState): void {
    const s = state.settings;
    const loaded = state.roads.status === 'ready';
    this.use.checked = s.roadReach;
    showNumber(this.minutes, s.roadReachMin);
    this.useField.hidden = !loaded;
    this.minutesField.hidden = !loaded || !s.roadReach;
    const line = roadUseLine(roadUse(state));
    this.note.hidden = line === null;
    this.note.textContent = line ?? '';
    const iso = state.roads.isochrone;
    const shown = iso !== null && iso.site === state.selectedSite;
    this.isochrone.hidden = !shown;
    this.isochrone.textContent = shown
      ? t('roadsIsochrone', { site: iso.siteId, reach: reachText(iso.minutes, 'min') })
      : '';
  }
}
