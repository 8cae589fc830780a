/**
 * Keyboard shortcuts of the planner: Ctrl+Z (Cmd+Z) undo, Ctrl+Shift+Z or Ctrl+Y redo, Delete or Backspace
 * deletes the selected site, Escape leaves "add station" mode and clears the selection, the arrow keys move the
 * selected site by {@link NUDGE_KM} (with Shift by {@link NUDGE_SHIFT_KM}). Keys typed into a text or number field
 * are left to the field (its own undo included).
 */
import { EARTH_RADIUS_KM } from '../core/distance/haversine';

/** Step of an arrow key, km; with Shift. */
export const NUDGE_KM = 0.1;
export const NUDGE_SHIFT_KM = 1;

/** A move of the selected site asked by an arrow key: km east and km north. */
export interface Nudge {
  eastKm: number;
  northKm: number;
}

/** What a key press asks for, or null. */
export type Shortcut = 'undo' | 'redo' | 'delete' | 'escape';

/** The shortcut of a key event, or null (pure: tests call it with plain objects). */
export function shortcutOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  targetTag?: string;
}): Shortcut | null {
  const tag = (event.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && !event.altKey && !event.shiftKey && key === 'y') return 'redo';
  if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) return 'delete';
  if (event.key === 'Escape') return 'escape';
  return null;
}

/** The move of an arrow key (no Ctrl, Cmd or Alt; outside form fields), or null (pure, like `shortcutOf`). */
export function nudgeOf(event: Parameters<typeof shortcutOf>[0]): Nudge | null {
  const tag = (event.targetTag ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return null;
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const km = event.shiftKey ? NUDGE_SHIFT_KM : NUDGE_KM;
  const steps: Record<string, Nudge> = {
    ArrowLeft: { eastKm: -km, northKm: 0 },
    ArrowRight: { eastKm: km, northKm: 0 },
    ArrowUp: { eastKm: 0, northKm: km },
    ArrowDown: { eastKm: 0, northKm: -km },
  };
  return steps[event.key] ?? null;
}

/**
 * The position `nudge` away from (lon, lat), in degrees: a local east/north step on the sphere
 * (dLat = northKm / R, dLon = eastKm / (R cos lat)), exact to well under a metre for steps of a few km.
 * @example
 * nudged(120, 30, { eastKm: 0, northKm: 1 }); // [120, 30.008993...]
 */
export function nudged(lon: number, lat: number, nudge: Nudge): [number, number] {
  const degPerKm = 180 / (Math.PI * EARTH_RADIUS_KM);
  const cos = Math.max(1e-6, Math.cos((lat * Math.PI) / 180));
  const y = Math.max(-90, Math.min(90, lat + nudge.northKm * degPerKm));
  let x = lon + (nudge.eastKm * degPerKm) / cos;
  if (x > 180) x -= 360;
  if (x < -180) x += 360;
  return [x, y];
}

/**
 * Listens on the document and calls `run` with each shortcut and `move` with each arrow-key nudge (the browser's
 * default, and for a nudge the map's own arrow-key panning, are prevented when the call returns true).
 */
export function bindShortcuts(run: (shortcut: Shortcut) => boolean, move: (nudge: Nudge) => boolean): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = shortcutOf({ ...pick(event), targetTag: target?.tagName });
    if (shortcut !== null && run(shortcut)) event.preventDefault();
  });
  // Capture phase: before the map's keyboard handler, which would pan the map instead.
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const nudge = nudgeOf({ ...pick(event), targetTag: target?.tagName });
      if (nudge !== null && move(nudge)) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    true,
  );
}

function pick(event: KeyboardEvent) {
  const { key, ctrlKey, metaKey, shiftKey, altKey } = event;
  return { key, ctrlKey, metaKey, shiftKey, altKey };
}
