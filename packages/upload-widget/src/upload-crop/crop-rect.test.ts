import { describe, it } from 'node:test';
import { assert } from 'chai';
import {
  clampRect,
  initialRect,
  moveRect,
  ratioLabel,
  rectPercentages,
  scaleRect,
  withAspectRatio,
} from './crop-rect.js';

const size = { width: 1000, height: 500 };

describe('crop rectangles', () => {
  it('start centred over 80 % of the image, or the largest of a ratio inside that', () => {
    assert.deepEqual(initialRect(size, undefined), { x: 100, y: 50, width: 800, height: 400 });
    assert.deepEqual(initialRect(size, 1), { x: 300, y: 50, width: 400, height: 400 });
  });

  it('stay inside the image', () => {
    assert.deepEqual(clampRect({ x: -20, y: 480, width: 2000, height: 100 }, size), {
      x: 0,
      y: 400,
      width: 1000,
      height: 100,
    });
    assert.deepEqual(moveRect({ x: 900, y: 0, width: 100, height: 100 }, size, 50, -10), {
      x: 900,
      y: 0,
      width: 100,
      height: 100,
    });
  });

  it('take a new aspect ratio around their centre', () => {
    const square = withAspectRatio({ x: 100, y: 50, width: 800, height: 400 }, size, 1);
    assert.strictEqual(square.width, square.height);
    assert.closeTo(square.x + square.width / 2, 500, 1);
    const wide = withAspectRatio(square, size, 16 / 9);
    assert.closeTo(wide.width / wide.height, 16 / 9, 0.02);
  });

  it('scale around their centre, keeping the ratio and a minimum size', () => {
    const start = { x: 400, y: 200, width: 200, height: 100 };
    const larger = scaleRect(start, size, 1.5, undefined);
    assert.deepEqual(larger, { x: 350, y: 175, width: 300, height: 150 });
    const tiny = scaleRect(start, size, 0.01, undefined);
    assert.strictEqual(Math.min(tiny.width, tiny.height), 16);
    const huge = scaleRect(start, size, 100, 2);
    assert.deepEqual(huge, { x: 0, y: 0, width: 1000, height: 500 });
  });

  it('position an overlay in percentages', () => {
    assert.deepEqual(rectPercentages({ x: 100, y: 50, width: 500, height: 250 }, size), {
      left: '10%',
      top: '10%',
      width: '50%',
      height: '50%',
    });
  });

  it('name ratios as people write them', () => {
    assert.strictEqual(ratioLabel(1), '1:1');
    assert.strictEqual(ratioLabel(16 / 9), '16:9');
    assert.strictEqual(ratioLabel(4 / 3), '4:3');
    assert.strictEqual(ratioLabel(Math.SQRT2), '1.41');
  });
});
