/**
 * What the legend of an exported map picture says: the same entries as the page's legend cards (src/ui/legend.ts,
 * src/ui/coverage-legend.ts), from the same d3 scales, colour constants and strings, as plain data that
 * src/map/snapshot-legend.ts draws with canvas calls (never by rasterising HTML). The county block follows the
 * county colouring shown (village density or coverage share); the point block follows the village colouring and
 * the plan's sites. The attribution names the data sources of the manifest and the synthetic-positions notice.
 */
import { densityScale } from '../map/county-scale';
import { distanceScale } from '../map/distance-scale';
import { coverageScale } from '../map/layers/county-coverage';
import { COVERAGE_COLOURS } from '../map/layers/coverage-villages';
import { CENTER_COLOUR, SITE_COLOURS } from '../map/layers/stations';
import type { LegendBlock, LegendItem } from '../map/snapshot-legend';
import { VILLAGE_COLOURS } from '../map/village-colours';
import { SITE_STATUS } from '../core/types';
import type { ManifestSource } from '../data/manifest';
import { formatNumber, formatPercent, t, type StringKey } from '../ui/i18n';
import type { AppState } from './store';

const rgba = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${(c[3] ?? 255) / 255})`;

/** Step labels of a threshold scale: `< a`, `a–b`, ..., `≥ z` (or the given first and last bounds). */
function steps(colours: readonly string[], thresholds: readonly number[], label: (t: number) => string) {
  return colours.map((colour, i): LegendItem => {
    const low = i === 0 ? null : thresholds[i - 1];
    const high = i < thresholds.length ? thresholds[i] : null;
    const text =
      low === null ? `< ${label(high!)}` : high === null ? `≥ ${label(low)}` : `${label(low)}–${label(high)}`;
    return { colour, label: text, round: false };
  });
}

/** The county block shown: coverage share steps or village density steps. */
function countyBlock(state: AppState): LegendBlock {
  if (state.countyColour === 'coverage') {
    const scale = coverageScale();
    const thresholds = scale.domain();
    const items = scale.range().map((colour, i): LegendItem => {
      const low = i === 0 ? 0 : thresholds[i - 1];
      const high = i < thresholds.length ? thresholds[i] : 1;
      return { colour, label: `${formatPercent(low, 0)}–${formatPercent(high, 0)}`, round: false };
    });
    return { title: t('coverageLegendTitle'), items };
  }
  const scale = densityScale();
  return { title: t('legendTitle'), items: steps(scale.range(), scale.domain(), (v) => formatNumber(v)) };
}

/** The legend blocks of the map as it is shown for `state`. */
export function snapshotLegend(state: AppState): LegendBlock[] {
  const blocks = [countyBlock(state)];
  const item = (colour: readonly number[], key: StringKey): LegendItem => ({
    colour: rgba(colour),
    label: t(key),
    round: true,
  });
  const planShown = state.countyColour === 'coverage' || state.plan.sites.count > 0;
  if (!planShown) {
    blocks.push({
      title: t('villages'),
      items: [item(VILLAGE_COLOURS.rural, 'ruralVillage'), item(VILLAGE_COLOURS.urban, 'urbanVillage')],
    });
    return blocks;
  }
  if (state.villageColour === 'distance') {
    const distance = distanceScale();
    const bounds = distance.domain();
    const items = distance.range().map((colour, i): LegendItem => {
      const label =
        i === 0
          ? `< ${formatNumber(bounds[0], 0)}`
          : i < bounds.length
            ? `${formatNumber(bounds[i - 1], 0)}–${formatNumber(bounds[i], 0)}`
            : t('distanceFar', { km: formatNumber(bounds[i - 1], 0) });
      return { colour, label, round: true };
    });
    blocks.push({ title: t('distanceLegendTitle'), items });
  }
  const points = [
    ...(state.villageColour === 'distance'
      ? []
      : [item(COVERAGE_COLOURS.covered, 'coveredVillage'), item(COVERAGE_COLOURS.uncovered, 'uncoveredVillage')]),
    item(SITE_COLOURS[SITE_STATUS.proposed], 'stationLegend'),
    item(CENTER_COLOUR, 'centerLegend'),
    item(SITE_COLOURS[SITE_STATUS.excluded], 'excludedLegend'),
  ];
  if (state.comparison !== null)
    points.push(item(COVERAGE_COLOURS.gained, 'gained'), item(COVERAGE_COLOURS.lost, 'lost'));
  blocks.push({ title: t('villages'), items: points });
  return blocks;
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
