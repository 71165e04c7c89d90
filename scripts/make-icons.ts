/**
 * Draws the Teams app icons: manifest/color.png (192×192, white checklist on Fagforbundet red) and
 * manifest/outline.png (32×32, the same checklist in white on transparent).
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The glyph is three rows: two done (check mark) and one open goal (ring), each followed by a bar.
 * Shapes are described in a unit square and rasterised with 4×4 supersampling for smooth edges.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/** Fagforbundet's dark red, also the manifest's accentColor. */
export const BRAND_RED = { r: 0xc8, g: 0x10, b: 0x2e } as const;

type Point = readonly [number, number];
type Shape = (x: number, y: number) => boolean;

function capsule(a: Point, b: Point, radius: number): Shape {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= radius * radius;
  };
}

function ring(centre: Point, radius: number, width: number): Shape {
  return (x, y) => Math.abs(Math.hypot(x - centre[0], y - centre[1]) - radius) <= width / 2;
}

/** The checklist glyph in a unit square (0..1 on both axes). */
function checklistGlyph(): Shape[] {
  const rows = [0.17, 0.5, 0.83];
  const stroke = 0.045; // half the check mark's stroke width
  const bar = 0.055; // half the bar's height
  const shapes: Shape[] = [];
  rows.forEach((y, index) => {
    if (index < 2) {
      const start: Point = [0.05, y];
      const elbow: Point = [0.13, y + 0.08];
      const end: Point = [0.29, y - 0.1];
      shapes.push(capsule(start, elbow, stroke), capsule(elbow, end, stroke));
    } else {
      shapes.push(ring([0.17, y], 0.1, 0.075));
    }
    const barEnd = index === 2 ? 0.78 : 0.95;
    shapes.push(capsule([0.42, y], [barEnd, y], bar));
  });
  return shapes;
}

const SAMPLES = 4;

/** Fraction (0..1) of each pixel covered by the glyph, drawn into the box [offset, offset + extent]. */
function coverage(size: number, offset: number, extent: number): Float64Array {
  const shapes = checklistGlyph();
  const result = new Float64Array(size * size);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES - offset) / extent;
          const y = (py + (sy + 0.5) / SAMPLES - offset) / extent;
          if (shapes.some((shape) => shape(x, y))) hits += 1;
        }
      }
      result[py * size + px] = hits / (SAMPLES * SAMPLES);
    }
  }
  return result;
}

/** 192×192 full-colour icon: the glyph fills the central 96×96 on a solid red square. */
export function renderColorIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const cover = coverage(size, 48, 96);
  for (let i = 0; i < size * size; i += 1) {
    const c = cover[i] ?? 0;
    png.data[i * 4] = Math.round(BRAND_RED.r + (255 - BRAND_RED.r) * c);
    png.data[i * 4 + 1] = Math.round(BRAND_RED.g + (255 - BRAND_RED.g) * c);
    png.data[i * 4 + 2] = Math.round(BRAND_RED.b + (255 - BRAND_RED.b) * c);
    png.data[i * 4 + 3] = 255;
  }
  return png;
}

/** 32×32 outline icon: white glyph on transparent, edge to edge with a 1 px margin. */
export function renderOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  const cover = coverage(size, 1, 30);
  for (let i = 0; i < size * size; i += 1) {
    png.data[i * 4] = 255;
    png.data[i * 4 + 1] = 255;
    png.data[i * 4 + 2] = 255;
    png.data[i * 4 + 3] = Math.round(255 * (cover[i] ?? 0));
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

function main(): void {
  const manifestDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  writeFileSync(join(manifestDir, 'color.png'), encodePng(renderColorIcon()));
  writeFileSync(join(manifestDir, 'outline.png'), encodePng(renderOutlineIcon()));
  console.log(`Wrote ${join(manifestDir, 'color.png')} and ${join(manifestDir, 'outline.png')}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
