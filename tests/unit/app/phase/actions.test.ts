import { describe, expect, it } from 'vitest';
import { planLayers } from '../../../../src/app/map-view';
import { applyPhasing, withPhases } from '../../../../src/app/phase/actions';
import { maxPhase } from '../../../../src/app/phase/state';
import { undoPlan } from '../../../../src/app/planner/actions';
import { initialState, type AppState } from '../../../../src/app/store';
import { addSite, emptySites, setSitePhase } from '../../../../src/core/live/sites';
import type { PhaseResult } from '../../../../src/core/phase/phase-types';
import { SITE_ROLE } from '../../../../src/core/plan-types';
import { SITE_STATUS } from '../../../../src/core/types';
import { packRgba } from '../../../../src/map/layers/coverage-villages';
import { rgbaOf, yearScale } from '../../../../src/map/layers/rollout-colours';
import { phaseWords, SITE_COLOURS, UNPHASED_COLOUR } from '../../../../src/map/layers/stations';

const sites = [
  [120, 30, SITE_STATUS.proposed, SITE_ROLE.station],
  [120.1, 30, SITE_STATUS.proposed, SITE_ROLE.station],
  [120.2, 30, SITE_STATUS.existing, SITE_ROLE.station],
  [120.3, 30, SITE_STATUS.locked, SITE_ROLE.center],
].reduce((table, [lon, lat, status, role]) => addSite(table, lon, lat, status, role), emptySites());

const result: PhaseResult = {
  year: Uint8Array.of(1, 0, 0, 2),
  unaffordable: Uint32Array.of(1),
  years: [],
  demandVillages: 10,
  totalWeight: 10,
};

const base: AppState = { ...initialState(), plan: { sites, suggestion: null } };

/** Fill colours (RGBA words) of the station markers drawn for a state. */
function fills(state: AppState): number[] {
  const layer = planLayers(state, [], 9).find((l) => l.id === 'stations')!;
  const data = layer.props.data as { attributes: { getFillColor: { value: Uint8Array } } };
  return Array.from(new Uint32Array(data.attributes.getFillColor.value.buffer));
}

describe('phasing the plan as an edit', () => {
  it('sets every site phase in one undoable step and keeps the figures for the card', () => {
    const patch = applyPhasing(base, sites, base.phase.params, result)!;
    const next = { ...base, ...patch };
    expect(Array.from(next.plan.sites.phase)).toEqual([1, 0, 0, 2]);
    expect(next.plan.sites.id).toEqual(sites.id);
    expect(next.phase.outcome?.sites).toBe(next.plan.sites);
    expect(next.phase.outcome?.unaffordable).toBe(1);
    const undone = { ...next, ...undoPlan(next)! };
    expect(undone.plan.sites).toBe(sites);
    expect(maxPhase(undone.plan.sites)).toBe(0);
  });

  it('applies nothing when the plan changed while the worker phased it', () => {
    const moved = { ...base, plan: { sites: setSitePhase(sites, 0, 3), suggestion: null } };
    expect(applyPhasing(moved, sites, base.phase.params, result)).toBeNull();
    expect(() => withPhases(sites, Uint8Array.of(1))).toThrow(/Expected 4 years/);
  });

  it('colours sites by year once the plan has phases (existing ones keep their colour, unphased grey)', () => {
    expect(fills(base)).toEqual([
      packRgba(SITE_COLOURS[SITE_STATUS.proposed]),
      packRgba(SITE_COLOURS[SITE_STATUS.proposed]),
      packRgba(SITE_COLOURS[SITE_STATUS.existing]),
      expect.any(Number),
    ]);
    const phased = { ...base, ...applyPhasing(base, sites, base.phase.params, result)! };
    const scale = yearScale(2);
    expect(fills(phased)).toEqual([
      packRgba(rgbaOf(scale(1))),
      packRgba(UNPHASED_COLOUR),
      packRgba(SITE_COLOURS[SITE_STATUS.existing]),
      packRgba(rgbaOf(scale(2))),
    ]);
    expect(phaseWords(2)[2]).toBe(packRgba(rgbaOf(scale(2))));
  });
});
