/**
 * The share card of the rollout: pick a province (or type a county code) and get the read-only government link
 * for it, with the current parameters (`governmentLink`). The link is shown as text and as an ordinary link.
 */
import { governmentLink } from '../app/rollout/link';
import type { RolloutParams } from '../core/rollout/rollout-types';
import { button, labelled, selectOf } from './controls';
import { el } from './dom';
import { t } from './i18n';

/** Renders the card; `provinces` are [code, name] of the manifest. */
export function renderShare(
  container: HTMLElement,
  provinces: readonly (readonly [string, string])[],
  params: () => RolloutParams,
): void {
  const area = selectOf(
    provinces.map(([code, name]) => [code, `${name} (${code})`]),
    '33',
  );
  const county = el('input', { type: 'text', inputmode: 'numeric', pattern: '\\d{6}', maxlength: '6' });
  const out = el('a', { 'data-testid': 'share-link', target: '_blank', rel: 'noopener' });
  const make = () => {
    const code = /^\d{6}$/.test(county.value.trim()) ? county.value.trim() : area.value;
    const link = governmentLink(location.href, code, params());
    out.href = link;
    out.textContent = link;
  };
  container.replaceChildren(
    el('h2', {}, t('rShareTitle')),
    el('p', { class: 'help' }, t('rShareHelp')),
    el('div', { class: 'controls' }, labelled(t('rShareArea'), area), labelled(t('rShareCounty'), county)),
    el('div', { class: 'row' }, button(t('rShare'), make, { 'data-testid': 'share-button' })),
    el('p', { class: 'share-link' }, out),
  );
}
