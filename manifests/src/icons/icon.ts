import { PNG } from 'pngjs';

/** The sizes hosts ask for: Outlook's ribbon (16, 32, 80) and store (64, 128), Teams' colour icon (192). */
export const ICON_SIZES = [16, 32, 64, 80, 128, 192] as const;
export type IconSize = (typeof ICON_SIZES)[number];

export type IconStyle = 'color' | 'outline';

const BRAND: [number, number, number] = [0x0f, 0x6c, 0xbd];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
/** Each pixel is sampled SAMPLES × SAMPLES times, so edges are smooth at every size. */
const SAMPLES = 4;

/** Whether a point of the unit square (0..1) lies on the envelope drawn in the icon's middle. */
function onEnvelope(x: number, y: number): boolean {
  const left = 0.2;
  const right = 0.8;
  const top = 0.3;
  const bottom = 0.7;
  const stroke = 0.06;
  const inside = x >= left && x <= right && y >= top && y <= bottom;
  if (!inside) return false;
  const onEdge = x - left < stroke || right - x < stroke || y - top < stroke || bottom - y < stroke;
  // The flap: two lines from the top corners meeting in the middle.
  const middle = (left + right) / 2;
  const flapY = top + ((bottom - top) * 0.55 * (middle - Math.abs(x - middle) - left)) / (middle - left);
  const onFlap = Math.abs(y - flapY) < stroke * 0.8;
  return onEdge || onFlap;
}

/** Whether a point lies inside the rounded square of the colour icon. */
function onTile(x: number, y: number): boolean {
  const radius = 0.2;
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/**
 * The add-in's icon as a PNG: a white envelope on a blue rounded tile ('color'), or the envelope
 * alone in white on transparency ('outline', as Teams and Microsoft 365 ask for).
 */
export function iconPng(size: number, style: IconStyle = 'color'): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (onEnvelope(x, y)) mark += 1;
          else if (onTile(x, y)) tile += 1;
        }
      }
      const total = SAMPLES * SAMPLES;
      const offset = (py * size + px) * 4;
      const cover = style === 'color' ? (tile + mark) / total : mark / total;
      const markShare = tile + mark === 0 ? 0 : mark / (tile + mark);
      for (let channel = 0; channel < 3; channel += 1) {
        const color =
          style === 'color'
            ? BRAND[channel]! * (1 - markShare) + WHITE[channel]! * markShare
            : WHITE[channel]!;
        png.data[offset + channel] = Math.round(color);
      }
      png.data[offset + 3] = Math.round(cover * 255);
    }
  }
  return PNG.sync.write(png);
}
