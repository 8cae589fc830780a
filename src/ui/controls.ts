/**
 * Small form controls for the planner panels, each with a visible label tied to its control (so screen readers
 * and keyboard users get a name) and text set only through textContent.
 */
import { el } from './dom';

/** A `<label>` holding its text and the control. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'control' }, el('span', {}, text), control);
}

/** A `<select>` of [value, text] options with `value` selected. */
export function selectOf(options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  const select = el('select', {}, ...options.map(([v, text]) => el('option', { value: v }, text)));
  select.value = value;
  return select;
}

/** A number input that reports finite values within [min, max] on `change` (others are put back). */
export function numberInput(
  value: number,
  limits: { min: number; max: number; step: number },
  onValue: (value: number) => void,
): HTMLInputElement {
  const input = el('input', {
    type: 'number',
    min: String(limits.min),
    max: String(limits.max),
    step: String(limits.step),
    value: String(value),
  });
  input.addEventListener('change', () => {
    const number = Number(input.value);
    if (input.value.trim() !== '' && Number.isFinite(number) && number >= limits.min && number <= limits.max) {
      onValue(number);
    } else {
      input.value = input.dataset.value ?? String(value);
    }
  });
  input.dataset.value = String(value);
  return input;
}

/** Sets a number input's value unless the user is editing it. */
export function showNumber(input: HTMLInputElement, value: number): void {
  input.dataset.value = String(value);
  if (document.activeElement !== input) input.value = String(value);
}

/** A button with text and a click handler. */
export function button(text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attrs }, text);
  node.addEventListener('click', onClick);
  return node;
}
