/**
 * The road network's part of the data card: a file button (`.osm.pbf`, `.osm`, GeoJSON roads), the read progress
 * in bytes with Cancel, the network summary, one clear message when a file could not be used, and "Back to no
 * roads". Built once per language; `show` redraws what changes. Names from the file are set as text.
 */
import type { RoadsState } from '../app/roads/state';
import { roadsLine, roadsProgressLine } from '../app/roads/state';
import { button } from './controls';
import { el } from './dom';
import { t } from './i18n';

/** What the road part asks of the app. */
export interface RoadsPanelActions {
  chooseFile(file: File): void;
  cancel(): void;
  clear(): void;
  /** Shows or hides the network on the map. */
  show(shown: boolean): void;
}

export class RoadsPanel {
  /** The part's element, for the data card to place. */
  readonly root = el('div', { class: 'data-roads', 'data-testid': 'roads' });
  private readonly input = el('input', { type: 'file', id: 'roads-file-input', class: 'visually-hidden' });
  private readonly chooseButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly clearButton: HTMLButtonElement;
  private readonly line = el('div', { 'data-testid': 'roads-line' });
  private readonly progress = el('p', { class: 'help', 'data-testid': 'roads-progress', 'aria-live': 'polite' });
  private readonly error = el('p', { class: 'error', role: 'alert', 'data-testid': 'roads-error' });
  private readonly shownBox = el('input', { type: 'checkbox', id: 'roads-shown' });
  private readonly shownRow: HTMLElement;

  constructor(actions: RoadsPanelActions) {
    this.input.setAttribute('accept', '.pbf,.osm,.geojson');
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      if (file) actions.chooseFile(file);
      this.input.value = '';
    });
    this.chooseButton = button(t('roadsChoose'), () => this.input.click());
    this.cancelButton = button(t('roadsCancel'), () => actions.cancel());
    this.clearButton = button(t('roadsClear'), () => actions.clear());
    this.shownBox.addEventListener('change', () => actions.show(this.shownBox.checked));
    this.shownRow = el('label', { class: 'check' }, this.shownBox, ` ${t('roadsShown')}`);
    this.root.replaceChildren(
      el('h3', {}, t('roadsTitle')),
      el('p', { class: 'help' }, t('roadsHelp')),
      this.line,
      this.shownRow,
      el('div', { class: 'row' }, this.chooseButton, this.input, this.cancelButton, this.clearButton),
      this.progress,
      this.error,
    );
  }

  /** Shows the network, the progress of a load, and the last error. */
  show(roads: RoadsState): void {
    const loading = roads.status === 'loading';
    this.line.textContent = roadsLine(roads) ?? '';
    this.line.hidden = roads.file === null;
    const progress = roadsProgressLine(roads);
    this.progress.textContent = progress ?? '';
    this.progress.hidden = progress === null;
    this.error.textContent = roads.error ?? '';
    this.error.hidden = roads.error === null;
    this.chooseButton.disabled = loading;
    this.cancelButton.hidden = !loading;
    this.clearButton.hidden = loading || roads.status !== 'ready';
    this.shownRow.hidden = roads.status !== 'ready';
    this.shownBox.checked = roads.shown;
  }
}
