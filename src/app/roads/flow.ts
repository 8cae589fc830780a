/**
 * The road import of the data card: a road file chosen, read and built in the road worker with byte progress and
 * Cancel, its summary on the card, the file kept in IndexedDB (roads/idb.ts) and built again after a reload, and
 * "Back to no roads". Wiring only: the network lives in the road worker (roads/client.ts), the card is a view
 * (src/ui/roads-panel.ts). A file that fails or is cancelled leaves the network in use as it was.
 */
import type { RoadLoadProgress, RoadNetworkSummary as WorkerSummary } from '../../../workers/roads-api';
import { t } from '../../ui/i18n';
import { RoadsPanel } from '../../ui/roads-panel';
import { SITE_ROLE } from '../../core/plan-types';
import type { AppState, Store } from '../store';
import type { RoadsClient } from './client';
import type { RoadsBackend } from './idb';
import { isochroneRing, type Isochrone } from './isochrone';
import {
  DEFAULT_PROFILE_NAME,
  isRoadFileName,
  NO_ROADS,
  type RoadFileInfo,
  type RoadNetworkSummary,
  type RoadsState,
} from './state';

/** Figures the browser tests read (no behaviour): road loads finished (loaded, failed or cancelled), isochrones. */
interface RoadsHooks {
  __roadsDone?: number;
  __isochrones?: number;
}

/** The card's summary of the worker's one. */
export function summaryOf(s: WorkerSummary): RoadNetworkSummary {
  return {
    drivableWays: s.drivableWays,
    ways: s.ways,
    nodes: s.nodes,
    edges: s.edges,
    components: s.components,
    largestShare: s.largestComponentShare,
    readSeconds: s.readSeconds,
    buildSeconds: s.buildSeconds,
  };
}

/** The progress of a load in the state (the build step keeps the last read figures). */
function progressOf(p: RoadLoadProgress, before: RoadsState['progress']): RoadsState['progress'] {
  return p.phase === 'read' ? { pass: p.pass, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal } : before;
}

export class RoadsFlow {
  private panel!: RoadsPanel;
  /** Counts loads, so that an older one finishing late changes nothing; the same for isochrones. */
  private generation = 0;
  private isochrones = 0;
  /** The state before the running load, put back when it fails or is cancelled. */
  private before: RoadsState = NO_ROADS;

  /**
   * @param backend the IndexedDB store of the road file (undefined without IndexedDB: nothing is kept)
   */
  constructor(
    private readonly store: Store,
    private readonly client: RoadsClient,
    private readonly backend: Promise<RoadsBackend | undefined>,
  ) {
    store.subscribe((state, previous) => {
      if (state.roads !== previous.roads) this.panel.show(state.roads);
      const asked =
        state.selectedSite !== previous.selectedSite ||
        state.plan.sites !== previous.plan.sites ||
        state.settings !== previous.settings ||
        state.roads.status !== previous.roads.status ||
        state.roads.file !== previous.roads.file;
      if (asked) void this.isochrone(state);
    });
    this.build();
  }

  /** The card's road part (placed by the data card). */
  get element(): HTMLElement {
    return this.panel.root;
  }

  /** Builds the part in the current language. */
  build(): void {
    this.panel = new RoadsPanel({
      chooseFile: (file) => void this.load(file, file.name, true),
      cancel: () => this.client.cancel(),
      clear: () => void this.clear(),
      show: (shown) => this.show(shown),
    });
    this.panel.show(this.store.get().roads);
  }

  /** Builds the saved road file again (after a reload), unless a load has started meanwhile. */
  async restore(): Promise<void> {
    const backend = await this.backend;
    const saved = await backend?.read().catch(() => undefined);
    if (saved === undefined || this.generation > 0) return;
    await this.load(saved.blob, saved.info.name, false, saved.info.sha256);
  }

  /** Reads and builds a road file; `keep` writes it to IndexedDB once it loaded. */
  async load(file: Blob, name: string, keep: boolean, knownSha256?: string): Promise<void> {
    const current = this.store.get().roads;
    if (current.status === 'loading') return;
    if (!isRoadFileName(name)) {
      this.store.set({ roads: { ...current, error: t('roadsBadFile', { file: name }) } });
      this.done();
      return;
    }
    const generation = ++this.generation;
    this.before = { ...current, error: null };
    const info: RoadFileInfo = { name, size: file.size, sha256: knownSha256 ?? '', profile: DEFAULT_PROFILE_NAME };
    const set = (roads: Partial<RoadsState>) => {
      if (generation === this.generation) this.store.set({ roads: { ...this.store.get().roads, ...roads } });
    };
    set({ file: info, status: 'loading', progress: null, summary: null, error: null, isochrone: null, lines: null });
    try {
      const summary = await this.client.load(file, name, (p) =>
        set({ progress: progressOf(p, this.store.get().roads.progress) }),
      );
      if (generation !== this.generation) return;
      const loaded = { ...info, sha256: summary.sha256 };
      set({ file: loaded, status: 'ready', progress: null, summary: summaryOf(summary), error: null });
      void this.drawNetwork(generation);
      if (keep) {
        const backend = await this.backend;
        await backend?.write({ info: loaded, blob: file });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const text = /cancelled/.test(message) ? t('roadsCancelled') : t('roadsFailed', { file: name, message });
      if (generation === this.generation) this.store.set({ roads: { ...this.before, error: text } });
    } finally {
      this.done();
    }
  }

  /** Asks the road worker for the network's segments and hands them to the map, unless a newer load started. */
  private async drawNetwork(generation: number): Promise<void> {
    try {
      const lines = await this.client.lines();
      if (generation === this.generation) this.store.set({ roads: { ...this.store.get().roads, lines } });
    } catch {
      // The network was dropped or replaced meanwhile: nothing to draw.
    }
  }

  /** Shows or hides the network on the map. */
  show(shown: boolean): void {
    this.store.set({ roads: { ...this.store.get().roads, shown } });
  }

  /** Back to no roads: the network is dropped and the kept file forgotten. */
  async clear(): Promise<void> {
    this.generation++;
    this.client.clear();
    this.store.set({ roads: { ...NO_ROADS, shown: this.store.get().roads.shown } });
    const backend = await this.backend;
    await backend?.write(null).catch(() => undefined);
  }

  /**
   * The isochrone of the selected station (station reach by road) or center (center reach in minutes), asked of
   * the road worker; none without a network or a selection.
   */
  private async isochrone(state: AppState): Promise<void> {
    const token = ++this.isochrones;
    const k = state.selectedSite;
    const sites = state.plan.sites;
    const clear = () => {
      if (this.store.get().roads.isochrone !== null)
        this.store.set({ roads: { ...this.store.get().roads, isochrone: null } });
    };
    if (state.roads.status !== 'ready' || k === null || k >= sites.count) return clear();
    const center = sites.role[k] === SITE_ROLE.center;
    const minutes = center ? state.settings.centerDurationMin : state.settings.roadReachMin;
    try {
      const reach = await this.client.reachFrom(sites.lon[k], sites.lat[k], minutes);
      if (token !== this.isochrones) return;
      const ring = isochroneRing(reach.lon, reach.lat, reach.roadLon, reach.roadLat);
      const isochrone: Isochrone | null =
        ring === null ? null : { site: k, siteId: sites.id[k], minutes, ring, nodes: reach.nodes.length };
      this.store.set({ roads: { ...this.store.get().roads, isochrone } });
      const hooks = window as unknown as RoadsHooks;
      hooks.__isochrones = (hooks.__isochrones ?? 0) + 1;
    } catch {
      // The network was dropped or replaced meanwhile: no isochrone.
      if (token === this.isochrones) clear();
    }
  }

  private done(): void {
    const hooks = window as unknown as RoadsHooks;
    hooks.__roadsDone = (hooks.__roadsDone ?? 0) + 1;
  }
}
