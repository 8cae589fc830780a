/**
 * Editing the plan on the map: in "add station" mode a click adds a station; pressing on a site and moving drags
 * it (the map does not pan meanwhile; the coverage worker updates the figures as it moves) and releasing drops it
 * (one undoable edit); a click on a site selects it. Sites are hit within a few pixels of their marker.
 */
import type { Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { SiteTable } from '../../core/live/sites';
import { addStation, dropSite } from './actions';
import type { Store } from '../store';

/** How far from a site's centre, in CSS pixels, a press still hits it. */
export const HIT_PIXELS = 10;

/**
 * Least zoom at which a press on a site drags it. Below it (the national view, where 100,000 stations cover the
 * map) a press pans the map as usual; sites are still selectable with the keyboard and the edit card.
 */
export const DRAG_MIN_ZOOM = 5;

/**
 * The site nearest to screen point `point` within `pixels`, or null. Sites outside the geographic box of the hit
 * area are skipped before any projection, so a press costs a scan of typed arrays even with 100,000 sites.
 */
export function siteAt(
  sites: SiteTable,
  point: { x: number; y: number },
  project: (lon: number, lat: number) => { x: number; y: number },
  unproject: (p: PointLike) => { lng: number; lat: number },
  pixels = HIT_PIXELS,
): number | null {
  const a = unproject([point.x - pixels, point.y - pixels]);
  const b = unproject([point.x + pixels, point.y + pixels]);
  const [west, east] = [Math.min(a.lng, b.lng), Math.max(a.lng, b.lng)];
  const [south, north] = [Math.min(a.lat, b.lat), Math.max(a.lat, b.lat)];
  let best: number | null = null;
  let bestD2 = pixels * pixels;
  for (let k = 0; k < sites.count; k++) {
    const lon = sites.lon[k];
    const lat = sites.lat[k];
    if (lon < west || lon > east || lat < south || lat > north) continue;
    const p = project(lon, lat);
    const d2 = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = k;
    }
  }
  return best;
}

/**
 * Binds the map's press-and-drag of sites. Returns `handleClick`, which the page's click handler calls first: it
 * adds a station in "add station" mode, or swallows the click that ends a press on a site, and returns true when
 * the click was the planner's (so the county under it is not selected).
 */
export function bindMapEditing(store: Store, map: MapLibreMap): (event: MapMouseEvent) => boolean {
  const hit = (point: { x: number; y: number }) =>
    siteAt(
      store.get().plan.sites,
      point,
      (lon, lat) => map.project([lon, lat]),
      (p) => map.unproject(p),
    );
  let pressedSite = false;

  map.on('mousedown', (event) => {
    pressedSite = false;
    if (event.originalEvent.button !== 0 || store.get().run.status !== 'idle' || map.getZoom() < DRAG_MIN_ZOOM) return;
    const k = hit(event.point);
    if (k === null) return;
    event.preventDefault(); // no drag pan while a site is held
    pressedSite = true;
    let moved = false;
    const onMove = (move: MapMouseEvent) => {
      moved = true;
      store.set({ drag: { index: k, lon: move.lngLat.lng, lat: move.lngLat.lat }, selectedSite: k });
    };
    const onUp = () => {
      map.off('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      const { drag } = store.get();
      if (moved && drag !== null) store.set(dropSite(store.get(), k, drag.lon, drag.lat));
      else store.set({ drag: null, selectedSite: k });
    };
    map.on('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  });

  return (event) => {
    if (pressedSite) {
      pressedSite = false;
      return true;
    }
    const state = store.get();
    if (state.editMode === 'add' && state.run.status === 'idle') {
      store.set(addStation(state, event.lngLat.lng, event.lngLat.lat));
      return true;
    }
    if (state.selectedSite !== null) store.set({ selectedSite: null });
    return false;
  };
}
