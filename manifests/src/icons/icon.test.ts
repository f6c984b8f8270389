import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from './icon.js';

const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4),
];

describe('the add-in icon', () => {
  it.each(ICON_SIZES)(
    'when drawn at %i px, then it is a PNG of that size, blue with a white mark, clear in the corners',
    (size) => {
      const png = PNG.sync.read(iconPng(size));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(pixel(png, 0, 0)[3]).toBe(0);
      const edge = Math.floor(size * 0.25);
      expect(pixel(png, edge, Math.floor(size * 0.12))).toEqual([0x0f, 0x6c, 0xbd, 255]);
      const whites = [...Array(size * size).keys()].filter(
        (index) => png.data[index * 4] === 255 && png.data[index * 4 + 3] === 255,
      );
      expect(whites.length).toBeGreaterThan(0);
    },
  );

  it('when drawn as an outline, then only the white mark is opaque', () => {
    const png = PNG.sync.read(iconPng(32, 'outline'));
    const opaque = [...Array(32 * 32).keys()]
      .map((index) => pixel(png, index % 32, Math.floor(index / 32)))
      .filter((rgba) => rgba[3]! > 0);
    expect(opaque.length).toBeGreaterThan(0);
    expect(opaque.every((rgba) => rgba[0] === 255 && rgba[1] === 255 && rgba[2] === 255)).toBe(true);
  });
});
