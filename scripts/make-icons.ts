/**
 * Draws the add-in icons (assets/icon-<size>.png) by code, so the art is ours and reproducible:
 * a green rounded square with three white ascending bars (the indicators) under a white tick.
 *
 *   npm run icons        (= ts-node scripts/make-icons.ts; writes assets/icon-16/32/64/80/128.png)
 *
 * Shapes are described in a 0..1 unit square and sampled 8×8 times per pixel, so the small sizes
 * (16 px on the ribbon) stay crisp without hand-tuned pixel art.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';

/** Sizes Office asks for: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64, store-like 128. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** Excel's green, so the button sits naturally on the Home tab. */
const GREEN: Rgb = [0x10, 0x7c, 0x41];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SUPERSAMPLING = 8;

type Rgb = [number, number, number];
type Shape = (x: number, y: number) => boolean;

function roundedSquare(x: number, y: number): boolean {
  const inset = 0.03;
  const radius = 0.2;
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Three ascending bars along the bottom: low, middle, high. */
const bars: Shape[] = [rect(0.2, 0.62, 0.34, 0.8), rect(0.43, 0.5, 0.57, 0.8), rect(0.66, 0.38, 0.8, 0.8)];

/** A tick above the bars: the evaluation passed. */
function tick(x: number, y: number): boolean {
  const width = 0.055;
  return segmentDistance(x, y, 0.22, 0.3, 0.34, 0.41) <= width || segmentDistance(x, y, 0.34, 0.41, 0.6, 0.17) <= width;
}

const glyph: Shape = (x, y) => tick(x, y) || bars.some((bar) => bar(x, y));

/** One RGBA sample: transparent outside the square, white on the glyph, green elsewhere. */
function sample(x: number, y: number): [number, number, number, number] {
  if (!roundedSquare(x, y)) return [0, 0, 0, 0];
  const [r, g, b] = glyph(x, y) ? WHITE : GREEN;
  return [r, g, b, 255];
}

/** Renders the icon at `size` px as a PNG object (not yet encoded). */
export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const n = SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums, so edge pixels blend green/white without a dark fringe.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [sr, sg, sb, sa] = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / (n * n));
    }
  }
  return png;
}

export function writeIcons(assetsDir: string): string[] {
  fs.mkdirSync(assetsDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(assetsDir, `icon-${size}.png`);
    fs.writeFileSync(file, PNG.sync.write(drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(path.resolve(__dirname, '..', 'assets'))) console.log(`已生成 / wrote ${file}`);
}
