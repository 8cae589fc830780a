/**
 * A picture of the current map view: the MapLibre canvas and the deck.gl overlay canvas (overlaid, not interleaved:
 * it has a canvas of its own) composited on a 2D canvas at the size of the map's drawing buffer.
 *
 * Both are WebGL canvases made without `preserveDrawingBuffer`, so their pixels can only be read in the task that
 * drew them, before the browser presents the frame and clears the buffer (WebGL 1.0 spec, section 2.2, "The
 * Drawing Buffer"). So each is copied inside its own render callback: MapLibre's `render` event after
 * `map.triggerRepaint()` (the documented way to read the canvas without preserveDrawingBuffer; MapLibre issue
 * mapbox/mapbox-gl-js#2766), and deck.gl's `onAfterRender` prop after a redraw forced by a new `layerFilter`
 * (deck's renderer redraws when that prop changes; the filter keeps every layer).
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** How long to wait for a frame before giving up, ms (a hidden tab draws no frames). */
const FRAME_TIMEOUT_MS = 10_000;

/** A 2D copy of a canvas (same pixel size). */
function copyOf(source: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  copy.getContext('2d')!.drawImage(source, 0, 0);
  return copy;
}

function withTimeout<T>(start: (resolve: (value: T) => void) => void, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not draw a frame.`)), FRAME_TIMEOUT_MS);
    start((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** The basemap's pixels, copied in the `render` event of a repaint. */
export function captureBasemap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return withTimeout((resolve) => {
    map.once('render', () => resolve(copyOf(map.getCanvas())));
    map.triggerRepaint();
  }, 'The map');
}

/** The overlay's pixels, copied right after a forced redraw; null when the overlay has no canvas yet. */
export function captureOverlay(overlay: MapboxOverlay): Promise<HTMLCanvasElement | null> {
  if (overlay.getCanvas() === null) return Promise.resolve(null);
  return withTimeout<HTMLCanvasElement | null>((resolve) => {
    let done = false;
    overlay.setProps({
      onAfterRender: () => {
        if (done) return;
        done = true;
        const canvas = overlay.getCanvas();
        resolve(canvas && copyOf(canvas));
      },
      layerFilter: () => true,
    });
  }, 'The overlay');
}

/**
 * The map view as one 2D canvas: basemap, then the overlay on top, at the basemap's drawing-buffer size (CSS size
 * x devicePixelRatio).
 */
export async function snapshotMap(map: MapLibreMap, overlay: MapboxOverlay): Promise<HTMLCanvasElement> {
  const overlayCopy = captureOverlay(overlay);
  const base = await captureBasemap(map);
  const top = await overlayCopy;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const context = out.getContext('2d')!;
  context.drawImage(base, 0, 0);
  if (top) context.drawImage(top, 0, 0, out.width, out.height);
  return out;
}
