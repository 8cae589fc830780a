/**
 * Draws legend blocks and attribution lines onto a 2D canvas (an exported map picture) with canvas calls only:
 * solid swatches (`fillRect`, or a disc for point symbols) and `fillText` labels in the map's CJK font stack.
 * Sizes are CSS pixels times `pixelRatio`, so the picture looks as the page does on the same screen.
 */
import { CJK_FONTS } from './basemap';

/** One legend entry: a colour (any CSS colour), its label, and whether it is a point symbol (a disc). */
export interface LegendItem {
  colour: string;
  label: string;
  round: boolean;
}

/** A titled list of entries. */
export interface LegendBlock {
  title: string;
  items: LegendItem[];
}

/** A rectangle in canvas pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Layout in CSS pixels. */
const MARGIN = 10;
const PADDING = 8;
const ROW = 18;
const TITLE_ROW = 20;
const SWATCH_W = 18;
const SWATCH_H = 12;
const GAP = 6;
const BLOCK_GAP = 6;

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${CJK_FONTS}`;

/**
 * Draws the legend as a white panel in the top-right corner of the canvas.
 * @returns the panel's box in canvas pixels
 */
export function drawLegend(context: CanvasRenderingContext2D, blocks: readonly LegendBlock[], pixelRatio = 1): Box {
  const s = pixelRatio;
  context.save();
  context.textBaseline = 'middle';
  let widest = 0;
  for (const block of blocks) {
    context.font = font(13 * s, true);
    widest = Math.max(widest, context.measureText(block.title).width);
    context.font = font(12 * s);
    for (const item of block.items) {
      widest = Math.max(widest, (SWATCH_W + GAP) * s + context.measureText(item.label).width);
    }
  }
  const height = blocks.reduce((h, b) => h + TITLE_ROW + b.items.length * ROW, 0) + BLOCK_GAP * (blocks.length - 1);
  const box: Box = {
    width: Math.ceil(widest + 2 * PADDING * s),
    height: Math.ceil((height + 2 * PADDING) * s),
    x: 0,
    y: Math.round(MARGIN * s),
  };
  box.x = Math.max(0, context.canvas.width - box.width - Math.round(MARGIN * s));
  context.fillStyle = 'rgba(255, 255, 255, 0.94)';
  context.fillRect(box.x, box.y, box.width, box.height);
  context.strokeStyle = 'rgba(0, 0, 0, 0.25)';
  context.lineWidth = s;
  context.strokeRect(box.x + 0.5 * s, box.y + 0.5 * s, box.width - s, box.height - s);
  const left = box.x + PADDING * s;
  let y = box.y + PADDING * s;
  for (const block of blocks) {
    context.font = font(13 * s, true);
    context.fillStyle = '#111';
    context.fillText(block.title, left, y + (TITLE_ROW * s) / 2);
    y += TITLE_ROW * s;
    context.font = font(12 * s);
    for (const item of block.items) {
      const middle = y + (ROW * s) / 2;
      context.fillStyle = item.colour;
      if (item.round) {
        context.beginPath();
        context.arc(left + (SWATCH_W * s) / 2, middle, (SWATCH_H * s) / 2, 0, 2 * Math.PI);
        context.fill();
      } else {
        // Whole pixels, so that a swatch is exactly its colour (the browser tests look for it).
        context.fillRect(Math.round(left), Math.round(middle - (SWATCH_H * s) / 2), SWATCH_W * s, SWATCH_H * s);
      }
      context.fillStyle = '#111';
      context.fillText(item.label, left + (SWATCH_W + GAP) * s, middle);
      y += ROW * s;
    }
    y += BLOCK_GAP * s;
  }
  context.restore();
  return box;
}

/**
 * Draws attribution lines on a white strip along the bottom edge of the canvas.
 * @returns the strip's box in canvas pixels
 */
export function drawAttribution(context: CanvasRenderingContext2D, lines: readonly string[], pixelRatio = 1): Box {
  const s = pixelRatio;
  const lineHeight = 15 * s;
  const height = Math.ceil(lines.length * lineHeight + 6 * s);
  const box: Box = { x: 0, y: context.canvas.height - height, width: context.canvas.width, height };
  context.save();
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(box.x, box.y, box.width, box.height);
  context.fillStyle = '#222';
  context.font = font(11 * s);
  context.textBaseline = 'middle';
  lines.forEach((line, k) => context.fillText(line, 6 * s, box.y + 3 * s + (k + 0.5) * lineHeight, box.width - 12 * s));
  context.restore();
  return box;
}
