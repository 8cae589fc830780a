/**
 * One deck.gl overlay, two owners: the planner draws its layers while the page is in planner mode, the rollout
 * while it is in rollout mode. The planner gets a gated handle on the overlay: its `setProps` calls pass through
 * only in planner mode and the last one is kept, to be replayed when the page comes back to the planner.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';

type OverlayProps = Parameters<MapboxOverlay['setProps']>[0];

/** A handle on `overlay` whose `setProps` applies only while `active()`; `replay` applies the last props kept. */
export function gatedOverlay(
  overlay: MapboxOverlay,
  active: () => boolean,
): { overlay: MapboxOverlay; replay: () => void } {
  let last: OverlayProps | null = null;
  const setProps = (props: OverlayProps) => {
    last = props;
    if (active()) overlay.setProps(props);
  };
  const gated = new Proxy(overlay, {
    get(target, key) {
      if (key === 'setProps') return setProps;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    overlay: gated,
    replay: () => {
      if (last !== null) overlay.setProps(last);
    },
  };
}
