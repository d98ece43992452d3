/**
 * Draws the app icons (`npx tsx manifest/make-icons.ts`): a hub joined to the three Sectors on a ring, white
 * on the accent colour (color.png, 192×192) and white on transparent (outline.png, 32×32). The PNGs are
 * committed; run this again only to change the design.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The accent colour of the app (manifest `accentColor` and the colour icon's background). */
export const ACCENT = '#0072BC';

type Point = [number, number];

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

const SECTORS: Point[] = [90, 210, 330].map((deg) => {
  const rad = (deg * Math.PI) / 180;
  return [0.72 * Math.cos(rad), -0.72 * Math.sin(rad)];
});

/** True where the glyph is, in glyph units (-1…1, y down). */
function inGlyph(p: Point): boolean {
  const r = Math.hypot(p[0], p[1]);
  if (r <= 0.22) return true; // the hub
  if (Math.abs(r - 0.72) <= 0.065) return true; // the ring
  return SECTORS.some((s) => Math.hypot(p[0] - s[0], p[1] - s[1]) <= 0.2 || segmentDistance(p, [0, 0], s) <= 0.06);
}

/** Renders the glyph (white, anti-aliased by 8×8 supersampling) over a background, as an RGBA PNG. */
function render(size: number, glyphScale: number, background: [number, number, number, number]): Buffer {
  const image = new PNG({ width: size, height: size, colorType: 6 });
  const pixels = image.data;
  const samples = 8;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const gx = ((x + (sx + 0.5) / samples) / size - 0.5) * 2 * (1 / glyphScale);
          const gy = ((y + (sy + 0.5) / samples) / size - 0.5) * 2 * (1 / glyphScale);
          if (inGlyph([gx, gy])) hits++;
        }
      }
      const cover = hits / samples ** 2;
      const [br, bg, bb, ba] = background;
      const alpha = cover + (ba / 255) * (1 - cover);
      const mix = (c: number) => (alpha === 0 ? c : Math.round((255 * cover + c * (ba / 255) * (1 - cover)) / alpha));
      pixels.set([mix(br), mix(bg), mix(bb), Math.round(alpha * 255)], (y * size + x) * 4);
    }
  }
  return PNG.sync.write(image, { colorType: 6, deflateLevel: 9 });
}

function hex(color: string): [number, number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
}

/** Writes color.png and outline.png next to this script. */
export function makeIcons(dir = __dirname): void {
  // Teams shows the colour icon with rounded corners: keep the glyph in the central ~60%.
  writeFileSync(path.join(dir, 'color.png'), render(192, 0.6, hex(ACCENT)));
  // The outline icon is white on transparent, nearly edge to edge.
  writeFileSync(path.join(dir, 'outline.png'), render(32, 0.92, [255, 255, 255, 0]));
}

if (require.main === module) {
  makeIcons();
  console.log('wrote manifest/color.png (192×192) and manifest/outline.png (32×32)');
}
