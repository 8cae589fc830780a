import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/** Decodes a PNG screenshot. */
export function readPng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Counts pixels inside the rectangle for which `test(r, g, b)` holds. */
export function countPixels(
  png: PNG,
  rect: { x: number; y: number; width: number; height: number },
  test: (r: number, g: number, b: number) => boolean,
): number {
  let n = 0;
  const x1 = Math.min(png.width, Math.floor(rect.x + rect.width));
  const y1 = Math.min(png.height, Math.floor(rect.y + rect.height));
  for (let y = Math.max(0, Math.floor(rect.y)); y < y1; y++) {
    for (let x = Math.max(0, Math.floor(rect.x)); x < x1; x++) {
      const k = (y * png.width + x) * 4;
      if (test(png.data[k], png.data[k + 1], png.data[k + 2])) n++;
    }
  }
  return n;
}

/** Parses `rgb(r, g, b)` or `#rrggbb` into numbers. */
export function parseColour(css: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`Not a colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `top` drawn with `alpha` over `bottom`. */
export function blend(top: Rgb, bottom: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(alpha * top[i] + (1 - alpha) * bottom[i])) as unknown as Rgb;
}

export function near(r: number, g: number, b: number, c: Rgb, tolerance: number): boolean {
  return Math.abs(r - c[0]) <= tolerance && Math.abs(g - c[1]) <= tolerance && Math.abs(b - c[2]) <= tolerance;
}
