/**
 * Builds DOM from text only. Data (names, codes, properties) is always set with textContent, never as HTML,
 * so a feature named `<img src=x onerror=…>` shows as those characters and runs nothing.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing element #${id} in index.html`);
  return node as T;
}

/** A two-column table of label/value rows. */
export function figuresTable(rows: [string, string][]): HTMLTableElement {
  return el(
    'table',
    { class: 'figures' },
    ...rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))),
  );
}
