/**
 * Keyboard shortcuts of the planner: Ctrl+Z (Cmd+Z) undo, Ctrl+Shift+Z or Ctrl+Y redo, Delete or Backspace
 * deletes the selected site, Escape leaves "add station" mode and clears the selection. Keys typed into a text
 * or number field are left to the field (its own undo included).
 */

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

/** Listens on the document and calls `run` with each shortcut (the browser's default is prevented). */
export function bindShortcuts(run: (shortcut: Shortcut) => boolean): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = shortcutOf({ ...pick(event), targetTag: target?.tagName });
    if (shortcut !== null && run(shortcut)) event.preventDefault();
  });
}

function pick(event: KeyboardEvent) {
  const { key, ctrlKey, metaKey, shiftKey, altKey } = event;
  return { key, ctrlKey, metaKey, shiftKey, altKey };
}
