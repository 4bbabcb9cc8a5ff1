import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import {
  type Component,
  canonicalizeTransformation,
  isTransformationSegment,
  type Layer,
  parseTransformation,
  serializeTransformation,
  type TextStyle,
  type Transformation,
  TransformationError,
  TransformationParseError,
} from './index.js';

// ---------------------------------------------------------------------------------------------
// Generators of models in normal form: what the parser gives back (numbers as numbers, one-element
// lists as scalars, no empty fields).
// ---------------------------------------------------------------------------------------------
const int = (min: number, max: number) => fc.integer({ min, max });
const decimal = fc.integer({ min: 1, max: 999 }).map((n) => n / 100);
const name = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const expression = fc.constantFrom(
  'iw_mul_0.5',
  '$w',
  'ih_div_2',
  '$size_add_10',
  'iw_sub_$pad_mul_2',
  'fc_mul_20',
);
const size = fc.oneof(int(1, 5000), decimal, expression);
const colour = fc.oneof(
  fc.constantFrom('red', 'white', 'transparent'),
  fc.stringMatching(/^rgb:[0-9a-f]{6}$/),
);
const reserved = new Set([
  'image',
  'video',
  'raw',
  'text',
  'subtitles',
  'fetch',
  'upload',
  'private',
  'authenticated',
]);
const publicId = fc
  .array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,10}$/), { minLength: 1, maxLength: 3 })
  .filter((parts) => !reserved.has(parts[0]!))
  .map((parts) => parts.join('/'));

const textStyle: fc.Arbitrary<TextStyle> = fc.record(
  {
    fontFamily: fc.constantFrom('Arial', 'Roboto', 'Verdana', 'Helvetica'),
    fontSize: int(6, 200),
    fontWeight: fc.constantFrom('bold', 'light', 'thin'),
    fontStyle: fc.constant('italic'),
    textDecoration: fc.constantFrom('underline', 'strikethrough'),
    textAlign: fc.constantFrom('left', 'center', 'right', 'justify'),
    stroke: fc.constant(true),
    letterSpacing: int(-10, 40),
    lineSpacing: int(-10, 40),
    fontHinting: fc.constantFrom('full', 'none', 'slight'),
    fontAntialias: fc.constantFrom('best', 'none', 'fast'),
  },
  { requiredKeys: ['fontFamily', 'fontSize'] },
) as fc.Arbitrary<TextStyle>;

// `%2C` and `%2F` inside overlay text cannot be told from an escaped `,` and `/` (Cloudinary's own
// encoding has that ambiguity), so the generated text avoids a literal `%`.
const overlayText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((t) => !t.includes('%'));

const layer: fc.Arbitrary<Layer> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('asset' as const),
      publicId,
      resourceType: fc.constantFrom('video' as const, 'raw' as const),
      type: fc.constantFrom('private' as const, 'authenticated' as const),
    },
    { requiredKeys: ['kind', 'publicId'] },
  ),
  fc.record(
    {
      kind: fc.constant('text' as const),
      text: overlayText,
      style: fc.oneof(textStyle, fc.constant('$style' as const)),
    },
    { requiredKeys: ['kind', 'text'] },
  ),
  fc.record(
    {
      kind: fc.constant('subtitles' as const),
      publicId: publicId.map((id) => `${id}.srt`),
      style: textStyle,
    },
    { requiredKeys: ['kind', 'publicId'] },
  ),
  fc.record(
    {
      kind: fc.constant('fetch' as const),
      url: fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => !u.includes('%')),
      resourceType: fc.constant('video' as const),
    },
    { requiredKeys: ['kind', 'url'] },
  ),
);

const angleKeyword = fc.constantFrom('auto_right', 'auto_left', 'hflip', 'vflip', 'ignore');
const offset = fc.oneof(int(0, 600), decimal, fc.constantFrom('35p', '2.5p', 'auto'));

const allFields = fc.record({
  if: fc.constantFrom('w_lt_200', 'ar_gt_1_and_w_gte_400', 'fc_gt_2', '!sale!_in_tags', 'else', 'end'),
  variables: fc
    .uniqueArray(
      fc.tuple(
        name.map((n) => `$${n}` as const),
        fc.oneof(int(0, 999), expression, fc.constant('!Arial_12!')),
      ),
      {
        minLength: 1,
        maxLength: 3,
        selector: ([n]) => n,
      },
    )
    .map((list) => list.map(([n, v]) => [n, v] as const)),
  angle: fc.oneof(
    int(-360, 360),
    angleKeyword,
    fc
      .tuple(angleKeyword, fc.array(fc.oneof(int(-360, 360), angleKeyword), { minLength: 1, maxLength: 2 }))
      .map(([keyword, rest]) => [keyword, ...rest]),
  ),
  aspectRatio: fc.oneof(decimal, fc.constantFrom('16:9', '4:3', '1.91:1')),
  audioCodec: fc.constantFrom('aac', 'mp3', 'none', 'opus'),
  audioFrequency: fc.constantFrom(44100, 48000, 22050),
  background: fc.oneof(colour, fc.constantFrom('auto', 'auto:predominant', 'blurred:400:15')),
  bitRate: fc.oneof(int(100, 90000), fc.constantFrom('500k', '2m', '1m:constant')),
  border: fc.tuple(int(1, 20), colour).map(([w, c]) => `${w}px_solid_${c}`),
  color: colour,
  colorSpace: fc.constantFrom('srgb', 'no_cmyk', 'keep_cmyk', 'tinysrgb'),
  crop: fc.constantFrom(
    'scale',
    'fit',
    'limit',
    'mfit',
    'fill',
    'lfill',
    'pad',
    'lpad',
    'mpad',
    'fill_pad',
    'crop',
    'thumb',
  ),
  defaultImage: fc.constantFrom('avatar.png', 'placeholders:missing.jpg'),
  delay: int(10, 1000),
  density: int(50, 600),
  dpr: fc.oneof(fc.constantFrom(1, 1.5, 2, 3), fc.constant('auto')),
  duration: offset,
  effect: fc.oneof(
    fc.record({ name: fc.constantFrom('sepia', 'grayscale', 'negate', 'vignette', 'trim') }),
    fc.record({
      name: fc.constantFrom('sepia', 'blur', 'brightness', 'pixelate', 'art', 'replace_color'),
      args: fc.array(fc.oneof(int(-100, 2000), fc.constantFrom('incognito', 'red', 'blue')), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  ),
  endOffset: offset,
  flags: fc.uniqueArray(
    fc.constantFrom('layer_apply', 'relative', 'no_overflow', 'progressive', 'lossy', 'attachment'),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  format: fc.constantFrom('auto', 'jpg', 'png', 'webp', 'avif', 'auto:video', 'mp4', 'm3u8'),
  fps: fc.oneof(int(1, 60), fc.constantFrom('24-29.97', '15-30')),
  gravity: fc.constantFrom(
    'north',
    'south_east',
    'center',
    'auto',
    'auto:face',
    'face',
    'faces',
    'xy_center',
    'custom',
  ),
  height: size,
  keyframeInterval: fc.oneof(int(1, 10), decimal),
  namedTransformation: fc.oneof(name, fc.uniqueArray(name, { minLength: 2, maxLength: 3 })),
  opacity: int(0, 100),
  overlay: layer,
  page: int(1, 99),
  prefix: name,
  quality: fc.oneof(int(1, 100), fc.constantFrom('auto', 'auto:best', 'auto:eco', '80:444', 'jpegmini')),
  radius: fc.oneof(
    int(0, 999),
    fc.constant('max'),
    fc.array(int(0, 99), { minLength: 2, maxLength: 4 }),
    expression,
  ),
  startOffset: offset,
  streamingProfile: fc.constantFrom('auto', 'hd', 'sd', 'full_hd', 'my_profile'),
  underlay: layer,
  videoCodec: fc.constantFrom('h264', 'h264:baseline:3.1', 'vp9', 'auto', 'none'),
  videoSampling: fc.oneof(int(1, 100), fc.constantFrom('2.3s', '10s')),
  width: fc.oneof(
    size,
    fc.constantFrom('auto', 'auto:100', 'auto:50:400', 'auto:breakpoints_200_1920_20_5:json'),
  ),
  x: fc.oneof(int(-999, 999), decimal),
  y: fc.oneof(int(-999, 999), decimal),
  zoom: decimal,
});

const component: fc.Arbitrary<Component> = allFields.chain((all) =>
  fc
    .shuffledSubarray(Object.entries(all), { minLength: 1, maxLength: 7 })
    .map((entries) => Object.fromEntries(entries)),
) as fc.Arbitrary<Component>;
const transformation: fc.Arbitrary<Transformation> = fc.array(component, { minLength: 1, maxLength: 4 });

const RUNS = 3000;

describe('transformation model', () => {
  it('serializes a typical chain in canonical order', () => {
    const text = serializeTransformation([
      { width: 400, crop: 'fill', gravity: 'auto', height: 300 },
      { quality: 'auto' },
      { format: 'auto' },
    ]);
    assert.equal(text, 'c_fill,g_auto,h_300,w_400/q_auto/f_auto');
  });

  it('writes a condition first, then variables in order, then sorted parameters, then raw text', () => {
    const text = serializeTransformation({
      width: '$foo_mul_200',
      crop: 'scale',
      if: 'fc_gt_2',
      variables: [
        ['$z', 5],
        ['$foo', '$z_mul_2'],
      ],
      raw: 'e_sepia',
    });
    assert.equal(text, 'if_fc_gt_2,$z_5,$foo_$z_mul_2,c_scale,w_$foo_mul_200,e_sepia');
  });

  it('passes strings through and drops empty components', () => {
    assert.equal(serializeTransformation('c_fill,w_10'), 'c_fill,w_10');
    assert.equal(serializeTransformation([{}, { width: 10 }, {}]), 'w_10');
  });

  it('rejects SDK-style option names with a helpful error', () => {
    assert.throws(
      () => serializeTransformation({ fetch_format: 'auto' } as never),
      TransformationError,
      /camelCase/,
    );
  });

  it(`round-trips ${RUNS} generated models: parse(serialize(model)) equals the model`, () => {
    fc.assert(
      fc.property(transformation, (model) => {
        const text = serializeTransformation(model);
        assert.deepEqual(parseTransformation(text), model as Transformation, text);
      }),
      { numRuns: RUNS, seed: 4242 },
    );
  });

  it('keeps the canonical serialization stable (parse then serialize changes nothing)', () => {
    fc.assert(
      fc.property(transformation, (model) => {
        const text = serializeTransformation(model);
        assert.equal(canonicalizeTransformation(text), text);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});

describe('transformation parser', () => {
  it('reads the option-hash style and the action-per-component style to the same canonical text', () => {
    assert.equal(canonicalizeTransformation('w_100,h_100,c_fill'), 'c_fill,h_100,w_100');
    assert.deepEqual(parseTransformation('c_fill,w_100/f_auto/q_auto'), [
      { crop: 'fill', width: 100 },
      { format: 'auto' },
      { quality: 'auto' },
    ]);
  });

  it('reads layers with their placement component', () => {
    assert.deepEqual(
      parseTransformation('l_brand:logo/c_scale,w_100/fl_layer_apply,fl_no_overflow,g_north_west,x_10,y_10'),
      [
        { overlay: { kind: 'asset', publicId: 'brand/logo' } },
        { crop: 'scale', width: 100 },
        { flags: ['layer_apply', 'no_overflow'], gravity: 'north_west', x: 10, y: 10 },
      ],
    );
    const [text] = parseTransformation(
      'l_text:Arial_18_bold_italic_letter_spacing_4:Hello%20World%252C%20%252FNice',
    );
    assert.deepEqual(text, {
      overlay: {
        kind: 'text',
        text: 'Hello World, /Nice',
        style: {
          fontFamily: 'Arial',
          fontSize: 18,
          fontWeight: 'bold',
          fontStyle: 'italic',
          letterSpacing: 4,
        },
      },
    });
  });

  it('keeps number literals as written (1.0 stays 1.0)', () => {
    assert.deepEqual(parseTransformation('w_1.0,dpr_2.0'), [{ width: '1.0', dpr: '2.0' }]);
    assert.equal(canonicalizeTransformation('dpr_2.0,w_1.0'), 'dpr_2.0,w_1.0');
  });

  const bad: Array<[string, RegExp, number, number]> = [
    ['w_abc', /Invalid width in transformation: abc/, 0, 0],
    ['c_fill,w_100/c_bogus', /Invalid crop mode in transformation: bogus/, 1, 13],
    ['c_fill,,w_1', /Empty parameter/, 0, 7],
    ['c_fill//w_1', /Empty component/, 1, 7],
    ['c_fill/', /Empty component/, 1, 7],
    ['zz_1', /Unknown transformation parameter: zz/, 0, 0],
    ['w_1,w_2', /given twice/, 0, 4],
    ['c_fill,if_w_lt_1', /must come first/, 0, 7],
    ['e_sepia:', /Invalid effect/, 0, 0],
    ['l_text:Arial_x:hi', /Invalid overlay/, 0, 0],
    ['l_fetch:***', /Invalid overlay/, 0, 0],
    ['l_text:Arial_12:%E0%A4%A', /Invalid overlay/, 0, 0],
    ['$1bad_3', /Invalid variable name/, 0, 0],
    ['q_auto:great', /Invalid quality/, 0, 0],
    ['w_', /Invalid transformation parameter/, 0, 0],
  ];
  for (const [input, message, componentIndex, position] of bad) {
    it(`rejects "${input}" naming the component and position`, () => {
      try {
        parseTransformation(input);
        assert.fail(`expected "${input}" to be rejected`);
      } catch (error) {
        assert.instanceOf(error, TransformationParseError);
        const parseError = error as TransformationParseError;
        assert.match(parseError.message, message);
        assert.equal(parseError.component, componentIndex);
        assert.equal(parseError.position, position);
      }
    });
  }

  it('never throws anything but TransformationParseError, on random and mutated input', () => {
    const mutated = fc
      .tuple(transformation, fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 4 }))
      .map(([model, at, insert, cut]) => {
        const text = serializeTransformation(model);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), mutated), (input) => {
        try {
          const model = parseTransformation(input);
          // Whatever parses must serialize and parse again to the same model.
          assert.deepEqual(parseTransformation(serializeTransformation(model)), model);
        } catch (error) {
          if (!(error instanceof TransformationParseError)) throw error;
        }
      }),
      { numRuns: 5000, seed: 99 },
    );
  });

  it('tells transformation segments from public id segments', () => {
    assert.isTrue(isTransformationSegment('c_fill,w_100'));
    assert.isTrue(isTransformationSegment('$w_100,if_w_lt_5'));
    assert.isFalse(isTransformationSegment('my_folder'));
    assert.isFalse(isTransformationSegment('v1234'));
    assert.isFalse(isTransformationSegment(''));
  });
});
