/**
 * The application state in one serialisable place; the map and the panels are views of it.
 * A minimal observable store: `set` merges a patch and notifies subscribers with the new and previous state.
 */
export interface AppState {
  /** 2-digit code of the province in view; Zhejiang (33) by default, as in the programme. */
  provinceCode: string;
  /** 6-digit code of the selected county, or null. */
  selectedCounty: string | null;
  /** Provinces whose villages are loaded and shown. */
  loadedProvinces: string[];
}

export type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private state: AppState;
  private listeners = new Set<Listener>();

  constructor(initial: AppState) {
    this.state = initial;
  }

  get(): AppState {
    return this.state;
  }

  set(patch: Partial<AppState>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const DEFAULT_PROVINCE = '33';
