import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PackageError, buildAppPackage, checkIcon } from '../../scripts/lib/app-package';
import { encodePng, renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons';
import { MANIFEST_DIR, VALID_VALUES, copyOfManifestDir } from './helpers';

function solid(size: number, rgba: readonly [number, number, number, number]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) png.data.set(rgba, i * 4);
  return png;
}

describe('checkIcon', () => {
  it('should accept the committed icons', () => {
    expect(checkIcon('color', readFileSync(join(MANIFEST_DIR, 'color.png')))).toEqual([]);
    expect(checkIcon('outline', readFileSync(join(MANIFEST_DIR, 'outline.png')))).toEqual([]);
  });

  it('should match what scripts/make-icons.ts draws', () => {
    expect(PNG.sync.read(readFileSync(join(MANIFEST_DIR, 'color.png'))).data).toEqual(renderColorIcon().data);
    expect(PNG.sync.read(readFileSync(join(MANIFEST_DIR, 'outline.png'))).data).toEqual(renderOutlineIcon().data);
  });

  it('should catch icons of the wrong size', () => {
    expect(checkIcon('color', encodePng(renderOutlineIcon()))).toEqual(['color icon must be 192×192 pixels, is 32×32.']);
    expect(checkIcon('outline', encodePng(solid(96, [255, 255, 255, 0])))[0]).toBe('outline icon must be 32×32 pixels, is 96×96.');
  });

  it('should catch an outline icon that is coloured', () => {
    const outline = renderOutlineIcon();
    outline.data.set([200, 16, 46, 255], (5 * 32 + 20) * 4);
    expect(checkIcon('outline', encodePng(outline))).toEqual([
      'outline icon must be white on transparent only; 1 pixel(s) are coloured, first (20, 5) is rgb(200, 16, 46).',
    ]);
  });

  it('should catch an outline icon without transparency', () => {
    const opaqueWhite = PNG.sync.write(solid(32, [255, 255, 255, 255]), { colorType: 2 });
    expect(checkIcon('outline', opaqueWhite)).toEqual(['outline icon must have a transparent background; no pixel is transparent.']);
  });

  it('should catch an empty outline icon', () => {
    expect(checkIcon('outline', encodePng(solid(32, [255, 255, 255, 0])))).toEqual([
      'outline icon is fully transparent; it needs a white symbol.',
    ]);
  });

  it('should catch a file that is not a PNG', () => {
    expect(checkIcon('color', Buffer.from('GIF89a'))[0]).toMatch(/^color icon is not a readable PNG file/);
  });

  it('should stop the build when an icon is wrong', async () => {
    const dir = copyOfManifestDir();
    writeFileSync(join(dir, 'outline.png'), encodePng(renderColorIcon()));
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems).toEqual(
      expect.arrayContaining([
        'outline.png must be 32×32 pixels, is 192×192.',
        'outline.png must have a transparent background; no pixel is transparent.',
      ]),
    );
  });
});
