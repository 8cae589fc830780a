/**
 * Colours of a rollout on the map: one colour per opening year (a d3 ordinal scale over viridis, dark purple for
 * year 1 to green for the last year; the yellow end is left out, too pale on the light basemap), shared by the
 * sites, the villages and the legend; and the villages' colours at a chosen year, built once per year and kept.
 */
import { scaleOrdinal, type ScaleOrdinal } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { packRgba } from './coverage-villages';

/** Villages not covered by the chosen year (and urban ones, never demand): pale grey, mostly transparent. */
export const NOT_YET_COVERED: [number, number, number, number] = [150, 150, 150, 70];

/** Parses `#rrggbb` or `rgb(r, g, b)` (what d3-scale-chromatic returns) into RGBA bytes. */
export function rgbaOf(css: string, alpha = 255): [number, number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16), alpha];
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!rgb) throw new Error(`Expected #rrggbb or rgb(r, g, b), got ${css}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
}

/**
 * The colour of each opening year 1..years, as CSS colours.
 * @example
 * yearScale(5)(1); // "#440154" (viridis at 0)
 */
export function yearScale(years: number): ScaleOrdinal<number, string> {
  const domain = Array.from({ length: years }, (_, k) => k + 1);
  const range = domain.map((_, k) => interpolateViridis(years === 1 ? 0 : (0.8 * k) / (years - 1)));
  return scaleOrdinal<number, string>().domain(domain).range(range);
}

/** RGBA words (platform byte order, for a Uint32Array view) of years 0..years: index 0 is "not covered". */
export function yearWords(years: number, alpha = 230): Uint32Array {
  const scale = yearScale(years);
  const words = new Uint32Array(years + 1);
  words[0] = packRgba(NOT_YET_COVERED);
  for (let y = 1; y <= years; y++) words[y] = packRgba(rgbaOf(scale(y), alpha));
  return words;
}

/**
 * RGBA per village at the end of `year`: the colour of the year it was first covered when that is `year` or
 * before, else {@link NOT_YET_COVERED}.
 * @param villageYear year each village is first covered (0: never, or not rural), one province's slice
 * @param year the timeline's year, 1..years
 * @param words from {@link yearWords}
 */
export function villageColoursAt(villageYear: Uint8Array, year: number, words: Uint32Array): Uint8Array {
  const colours = new Uint8Array(villageYear.length * 4);
  const out = new Uint32Array(colours.buffer);
  const notYet = words[0];
  for (let i = 0; i < villageYear.length; i++) {
    const y = villageYear[i];
    out[i] = y !== 0 && y <= year ? words[y] : notYet;
  }
  return colours;
}

/**
 * Village colours per year, built on first use and kept: moving the timeline back and forth rebuilds nothing.
 * One cache per result and province slice.
 */
export class YearColourCache {
  private readonly byYear = new Map<number, Uint8Array>();
  private readonly words: Uint32Array;

  constructor(
    private readonly villageYear: Uint8Array,
    years: number,
  ) {
    this.words = yearWords(years);
  }

  /** The colours at the end of `year` (the same array on every call for that year). */
  at(year: number): Uint8Array {
    let colours = this.byYear.get(year);
    if (colours === undefined) this.byYear.set(year, (colours = villageColoursAt(this.villageYear, year, this.words)));
    return colours;
  }
}
