/**
 * What the legend of an exported map picture says: the entries of the page's legend cards (src/ui/legend-items.ts)
 * as blocks that src/map/snapshot-legend.ts draws with canvas calls (never by rasterising HTML). The county block follows the
 * county colouring shown (village density or coverage share); the point block follows the village colouring and
 * the plan's sites. The attribution names the data sources of the manifest and the synthetic-positions notice.
 */
import type { LegendBlock } from '../../map/snapshot-legend';
import type { ManifestSource } from '../../data/manifest';
import { t } from '../../ui/i18n';
import { coverageItems, densityItems, distanceItems, planPointItems, villageKindItems } from '../../ui/legend-items';
import type { AppState } from '../store';

/** The legend blocks of the map as it is shown for `state`. */
export function snapshotLegend(state: AppState): LegendBlock[] {
  const county: LegendBlock =
    state.countyColour === 'coverage'
      ? { title: t('coverageLegendTitle'), items: coverageItems() }
      : { title: t('legendTitle'), items: densityItems() };
  const planShown = state.countyColour === 'coverage' || state.plan.sites.count > 0;
  if (!planShown) return [county, { title: t('villages'), items: villageKindItems() }];
  return [
    county,
    ...(state.villageColour === 'distance' ? [{ title: t('distanceLegendTitle'), items: distanceItems() }] : []),
    { title: t('villages'), items: planPointItems(state) },
  ];
}

/**
 * The attribution lines of an exported picture: the app, the data packages of the manifest (name, version,
 * licence as its first word), and the notice that village positions are synthetic.
 */
export function snapshotAttribution(sources: readonly ManifestSource[]): string[] {
  const data = sources
    .filter((s) => !/^Tool only/i.test(s.what))
    .map((s) => `${s.package} ${s.version} (${s.licence.split(/[\s(]/)[0]})`);
  return [`RuralReach · ${t('snapshotData')}: ${data.join(', ')}`, t('legendVillages')];
}
