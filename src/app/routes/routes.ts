/**
 * The delivery runs card's actions: edit the settings, plan the runs of the current plan in the routes worker
 * (demand villages from the coverage worker, progress and Cancel), and export the runs (GeoJSON and the per-county
 * CSV of src/io/export-runs.ts, as `npm run routes -- --plan`).
 */
import type * as Comlink from 'comlink';
import type { CoverageApi } from '../../core/live/coverage-api';
import { runsCountyCsv, runsGeoJson } from '../../io/export-runs';
import type { ExportFile } from '../../ui/export-panel';
import type { RunsPanelActions } from '../../ui/runs-panel';
import { reachOf } from '../planner/state';
import type { Store } from '../store';
import type { RoutesClient } from './client';
import { routesRequest, runsExportInput } from './request';
import { currentOutcome, IDLE_ROUTES_RUN, type RoutesOutcome, type RoutesState } from './state';

/** Figures the browser tests read (no behaviour). */
export interface RoutesTestHooks {
  /** Milliseconds from the click on Plan runs to the result in the store. */
  __routesWallMs?: number;
}

/** The two export files of the runs. */
export function runsFiles(outcome: RoutesOutcome): ExportFile[] {
  const input = runsExportInput(outcome);
  return [
    { name: 'ruralreach-runs.geojson', data: runsGeoJson(input), type: 'application/geo+json' },
    { name: 'ruralreach-runs-counties.csv', data: runsCountyCsv(input), type: 'text/csv' },
  ];
}

/**
 * The card's actions on the store.
 * @param coverage the coverage worker, which holds the demand villages of the plan's area
 * @param client the routes worker
 * @param download starts the download of one file
 */
export function bindRoutes(
  store: Store,
  coverage: Comlink.Remote<CoverageApi>,
  client: RoutesClient,
  download: (file: ExportFile) => void,
): RunsPanelActions {
  const routes = () => store.get().routes;
  const patch = (change: Partial<RoutesState>) => store.set({ routes: { ...routes(), ...change } });
  const hooks = globalThis as RoutesTestHooks;
  return {
    setSettings: (settings) => patch({ settings, run: { ...routes().run, error: null } }),
    run: () => {
      const state = store.get();
      if (state.routes.run.status !== 'idle' || state.province === null || state.plan.sites.count === 0) return;
      const started = performance.now();
      const { sites } = state.plan;
      const settings = state.routes.settings;
      const names = new Map(state.province.counties.map((c) => [c.code, c.name]));
      patch({ run: { status: 'running', share: 0, error: null } });
      void (async () => {
        try {
          const demand = await coverage.runsDemand();
          const { request, siteIndex } = routesRequest(sites, demand, reachOf(store.get().settings), settings);
          const answer = await client.plan(request, (progress) => {
            if (routes().run.status === 'running') patch({ run: { ...routes().run, share: progress.share } });
          });
          const wallMs = performance.now() - started;
          hooks.__routesWallMs = wallMs;
          const outcome: RoutesOutcome = {
            sites,
            siteIndex,
            centerCountyName: answer.centerCounty.map((code) => names.get(code) ?? code),
            answer,
            wallSeconds: wallMs / 1000,
          };
          patch({ outcome, run: IDLE_ROUTES_RUN });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          patch({ run: { ...IDLE_ROUTES_RUN, error: message } });
        }
      })();
    },
    cancel: () => {
      if (routes().run.status !== 'running') return;
      patch({ run: { ...routes().run, status: 'cancelling' } });
      client.cancel();
    },
    exportRuns: () => {
      const outcome = currentOutcome(store.get());
      if (outcome !== null) for (const file of runsFiles(outcome)) download(file);
    },
  };
}
