/**
 * The shipped icons are exactly what scripts/make-icons.ts draws, at the sizes the manifest asks for.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';
import { ICON_SIZES, drawIcon } from '../../scripts/make-icons';

const ASSETS = path.resolve(__dirname, '..', '..', 'assets');

test.each(ICON_SIZES)(
  'assets/icon-%i.png is exactly the drawing at that size (re-run make-icons after changing it)',
  (size) => {
    const stored = PNG.sync.read(fs.readFileSync(path.join(ASSETS, `icon-${size}.png`)));
    expect([stored.width, stored.height]).toEqual([size, size]);
    expect(Buffer.compare(stored.data, drawIcon(size).data)).toBe(0);
  },
);

const pixel = (png: PNG, x: number, y: number) =>
  Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4));

test('the glyph: transparent corners, green square, white bars', () => {
  // The stored file, which the test above proves equal to drawIcon(128).
  const png = PNG.sync.read(fs.readFileSync(path.join(ASSETS, 'icon-128.png')));
  expect(pixel(png, 0, 0)[3]).toBe(0);
  expect(pixel(png, 127, 127)[3]).toBe(0);
  // Between the tick and the bars, left of centre: the green background (#107C41).
  expect(pixel(png, 20, 64)).toEqual([0x10, 0x7c, 0x41, 255]);
  // Middle of the tallest bar (x 0.66–0.80, y 0.38–0.80 of the square): white.
  expect(pixel(png, 93, 77)).toEqual([255, 255, 255, 255]);
});
