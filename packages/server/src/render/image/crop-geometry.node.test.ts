import { describe, it } from 'node:test';
import { assert } from 'chai';
import { placeRegion, planGeometry, resolveBox } from './crop-geometry.js';
import { fontFamilyFor } from './fonts.js';

describe('crop geometry', () => {
  it('completes a missing side from the aspect ratio', () => {
    assert.deepEqual(resolveBox('fill', 400, 300, 160, undefined, 16 / 9), { width: 160, height: 90 });
    assert.deepEqual(resolveBox('pad', 400, 300, undefined, 90, 2), { width: 180, height: 90 });
    assert.deepEqual(resolveBox('fill', 400, 300, undefined, undefined, 1), { width: 300, height: 300 });
    assert.deepEqual(resolveBox('pad', 400, 300, undefined, undefined, 1), { width: 400, height: 400 });
    assert.deepEqual(resolveBox('scale', 400, 300, 100, 50, 1), { width: 100, height: 50 }, 'both sides win');
  });

  it('cuts fill regions from the input in input pixels', () => {
    assert.deepEqual(planGeometry(400, 300, { mode: 'fill', width: 100, height: 100 }), {
      kind: 'crop',
      regionWidth: 300,
      regionHeight: 300,
      width: 100,
      height: 100,
    });
    const zoomed = planGeometry(400, 300, { mode: 'crop', width: 100, height: 100, zoom: 2 });
    assert.deepEqual(zoomed, { kind: 'crop', regionWidth: 50, regionHeight: 50, width: 100, height: 100 });
  });

  it('pads or cuts in fill_pad depending on how much a fill would lose', () => {
    assert.equal(planGeometry(400, 300, { mode: 'fill_pad', width: 100, height: 80 }).kind, 'crop');
    assert.equal(planGeometry(400, 100, { mode: 'fill_pad', width: 100, height: 100 }).kind, 'pad');
  });

  it('places regions by gravity with offsets pointing inwards, kept inside', () => {
    const center = { kind: 'compass', gravity: 'center' } as const;
    assert.deepEqual(placeRegion(400, 300, 100, 100, center), { left: 150, top: 100 });
    assert.deepEqual(placeRegion(400, 300, 100, 100, { kind: 'compass', gravity: 'south_east' }, 10, 20), {
      left: 290,
      top: 180,
    });
    assert.deepEqual(placeRegion(400, 300, 100, 100, { kind: 'compass', gravity: 'north_west' }, 10, 20), {
      left: 10,
      top: 20,
    });
    assert.deepEqual(placeRegion(400, 300, 100, 100, { kind: 'xy_center' }, 390, 5), { left: 300, top: 0 });
    assert.deepEqual(
      placeRegion(400, 300, 100, 100, { kind: 'smart', strategy: 'attention' }, 0, 0, { x: 80, y: 90 }),
      {
        left: 30,
        top: 40,
      },
    );
  });
});

describe('fonts', () => {
  it('maps web families to the installed metric-compatible fonts', () => {
    assert.equal(fontFamilyFor('Arial'), 'Liberation Sans');
    assert.equal(fontFamilyFor('Helvetica'), 'Liberation Sans');
    assert.equal(fontFamilyFor('Times%20New%20Roman'), 'Liberation Serif');
    assert.equal(fontFamilyFor('courier'), 'Liberation Mono');
    assert.equal(fontFamilyFor('Comic%20Sans'), 'DejaVu Sans');
  });
});
