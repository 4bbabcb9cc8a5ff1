/**
 * Oracle test: the action-per-component strings that @cloudinary/url-gen emits are read by our strict
 * parser, and their canonical form is stable.
 */
import { describe, it } from 'node:test';
import { Transformation as UrlGenTransformation } from '@cloudinary/url-gen';
import { brightness, contrast, saturation } from '@cloudinary/url-gen/actions/adjust';
import { dpr, format, quality } from '@cloudinary/url-gen/actions/delivery';
import { blur, grayscale, pixelate, sepia, vignette } from '@cloudinary/url-gen/actions/effect';
import { source } from '@cloudinary/url-gen/actions/overlay';
import {
  crop,
  fill,
  fit as fitWithin,
  limitFit,
  pad,
  scale,
  thumbnail,
} from '@cloudinary/url-gen/actions/resize';
import { byAngle } from '@cloudinary/url-gen/actions/rotate';
import { byRadius, max } from '@cloudinary/url-gen/actions/roundCorners';
import { trim } from '@cloudinary/url-gen/actions/videoEdit';
import { color } from '@cloudinary/url-gen/qualifiers/background';
import { autoGravity, compass } from '@cloudinary/url-gen/qualifiers/gravity';
import { Position } from '@cloudinary/url-gen/qualifiers/position';
import { image, text } from '@cloudinary/url-gen/qualifiers/source';
import { TextStyle } from '@cloudinary/url-gen/qualifiers/textStyle';
import { assert } from 'chai';
import fc from 'fast-check';
import { canonicalizeTransformation, parseTransformation } from './index.js';

type Step = (t: UrlGenTransformation) => UrlGenTransformation;

const px = fc.integer({ min: 1, max: 2000 });
const compassPoint = fc.constantFrom('north', 'south_east', 'west', 'center', 'north_west');
const resize: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(px, px).map(
    ([w, h]): Step =>
      (t) =>
        t.resize(fill().width(w).height(h).gravity(autoGravity())),
  ),
  fc.tuple(px, compassPoint).map(
    ([w, g]): Step =>
      (t) =>
        t.resize(
          fill()
            .width(w)
            .gravity(compass(g as never)),
        ),
  ),
  px.map(
    (w): Step =>
      (t) =>
        t.resize(scale().width(w)),
  ),
  fc.tuple(px, px).map(
    ([w, h]): Step =>
      (t) =>
        t.resize(fitWithin().width(w).height(h)),
  ),
  px.map(
    (w): Step =>
      (t) =>
        t.resize(limitFit().width(w)),
  ),
  fc.tuple(px, px).map(
    ([w, h]): Step =>
      (t) =>
        t.resize(pad().width(w).height(h).background(color('red'))),
  ),
  fc.tuple(px, px, fc.integer({ min: -50, max: 50 })).map(
    ([w, h, x]): Step =>
      (t) =>
        t.resize(crop().width(w).height(h).x(x)),
  ),
  px.map(
    (w): Step =>
      (t) =>
        t.resize(thumbnail().width(w).height(w)),
  ),
);
const effect: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: 1, max: 2000 }).map(
    (s): Step =>
      (t) =>
        t.effect(blur(s)),
  ),
  fc.constant<Step>((t) => t.effect(grayscale())),
  fc.integer({ min: 1, max: 100 }).map(
    (l): Step =>
      (t) =>
        t.effect(sepia(l)),
  ),
  fc.integer({ min: 1, max: 200 }).map(
    (s): Step =>
      (t) =>
        t.effect(pixelate(s)),
  ),
  fc.constant<Step>((t) => t.effect(vignette())),
  fc.integer({ min: -99, max: 100 }).map(
    (l): Step =>
      (t) =>
        t.adjust(brightness(l)),
  ),
  fc.integer({ min: -99, max: 100 }).map(
    (l): Step =>
      (t) =>
        t.adjust(contrast(l)),
  ),
  fc.integer({ min: -99, max: 100 }).map(
    (l): Step =>
      (t) =>
        t.adjust(saturation(l)),
  ),
);
const shape: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>((t) => t.roundCorners(max())),
  fc.integer({ min: 1, max: 99 }).map(
    (r): Step =>
      (t) =>
        t.roundCorners(byRadius(r)),
  ),
  fc.integer({ min: -180, max: 360 }).map(
    (a): Step =>
      (t) =>
        t.rotate(byAngle(a)),
  ),
);
const delivery: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom('auto', 'webp', 'avif', 'png', 'jpg').map(
    (f): Step =>
      (t) =>
        t.delivery(format(f as never)),
  ),
  fc.constantFrom('auto', 'auto:good', 80, 50).map(
    (q): Step =>
      (t) =>
        t.delivery(quality(q as never)),
  ),
  fc.constantFrom(1, 2, 1.5, 'auto').map(
    (d): Step =>
      (t) =>
        t.delivery(dpr(d as never)),
  ),
);
const overlay: fc.Arbitrary<Step> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('logo', 'brand/logo', 'icons/star'),
      px,
      compassPoint,
      fc.integer({ min: 0, max: 40 }),
    )
    .map(
      ([id, w, g, offset]): Step =>
        (t) =>
          t.overlay(
            source(image(id).transformation(new UrlGenTransformation().resize(scale().width(w)))).position(
              new Position()
                .gravity(compass(g as never))
                .offsetX(offset)
                .offsetY(offset),
            ),
          ),
    ),
  fc
    .tuple(
      fc.constantFrom('Hello, World', 'Sale / 50% off', 'Ünïcødé (new)'),
      fc.integer({ min: 8, max: 90 }),
      compassPoint,
    )
    .map(
      ([words, size, g]): Step =>
        (t) =>
          t.overlay(
            source(text(words, new TextStyle('Arial', size).fontWeight('bold'))).position(
              new Position().gravity(compass(g as never)),
            ),
          ),
    ),
);
const video: fc.Arbitrary<Step> = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 30 }))
  .map(
    ([start, length]): Step =>
      (t) =>
        t.videoEdit(trim().startOffset(start).duration(length)),
  );

const chain = fc.array(fc.oneof(resize, effect, shape, delivery, overlay, video), {
  minLength: 1,
  maxLength: 6,
});

describe('parser against @cloudinary/url-gen output', () => {
  it('reads 2,000 generated url-gen transformations, and their canonical form is stable', () => {
    let checked = 0;
    fc.assert(
      fc.property(chain, (steps) => {
        const emitted = steps.reduce((t, step) => step(t), new UrlGenTransformation()).toString();
        const model = parseTransformation(emitted);
        assert.isAtLeast(model.length, steps.length, emitted);
        const canonical = canonicalizeTransformation(emitted);
        assert.equal(canonicalizeTransformation(canonical), canonical);
        checked++;
      }),
      { numRuns: 2000, seed: 1122 },
    );
    console.log(`# url-gen oracle: ${checked} transformations parsed`);
  });

  it('keeps url-gen component boundaries and values', () => {
    const emitted = new UrlGenTransformation()
      .resize(fill().width(400).height(300).gravity(autoGravity()))
      .delivery(quality('auto'))
      .delivery(format('auto'))
      .toString();
    assert.deepEqual(parseTransformation(emitted), [
      { crop: 'fill', gravity: 'auto', height: 300, width: 400 },
      { quality: 'auto' },
      { format: 'auto' },
    ]);
  });
});
