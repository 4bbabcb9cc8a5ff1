import { describe, it } from 'node:test';
import { assert } from 'chai';
import * as playerEvents from '../../video-player/src/video-player/video-player.events.js';
import { PLAYER_EVENTS, playerEventType, toPlayerEvent } from './video-player-events.js';
import { mapVideoPlayerOptions } from './video-player-options.js';

const codes = (mapped: { warnings: readonly { code: string }[] }) => mapped.warnings.map((w) => w.code);

describe('mapVideoPlayerOptions', () => {
  it('maps nothing to nothing, with the context as defaults', () => {
    assert.deepEqual(mapVideoPlayerOptions({}).element, {});
    assert.deepEqual(mapVideoPlayerOptions({}, { cloudName: 'demo', apiBase: 'https://k.example' }).element, {
      cloudName: 'demo',
      apiBase: 'https://k.example',
    });
  });

  it("maps Cloudinary's player options onto the element's properties", () => {
    const mapped = mapVideoPlayerOptions({
      cloud_name: 'demo',
      publicId: 'samples/videos/test-pattern',
      sourceTypes: ['hls', 'mp4/h265', 'auto'],
      transformation: 'c_fill,w_640,h_360',
      posterOptions: { transformation: { startOffset: '0' }, posterColor: '#000' },
      info: { title: 'Test', subtitle: 'Pattern', description: 'Colour bars' },
      controls: true,
      autoplay: true,
      muted: true,
      loop: true,
      preload: 'metadata',
      playbackRates: [0.5, 1, 2],
      showJumpControls: true,
      pictureInPictureToggle: true,
      chaptersButton: true,
      seekThumbnails: false,
      floatingWhenNotVisible: 'right',
      skin: 'light',
      colors: { accent: '#ff620c' },
      fontFace: 'inherit',
      logoImageUrl: 'https://example.com/logo.png',
      logoOnclickUrl: 'https://example.com',
      chapters: { url: 'https://example.com/chapters.vtt' },
    });
    assert.deepEqual(mapped.warnings, []);
    assert.deepEqual(mapped.element, {
      cloudName: 'demo',
      publicId: 'samples/videos/test-pattern',
      sourceTypes: ['hls', 'mp4'],
      transformation: 'c_fill,w_640,h_360',
      posterOptions: { posterColor: '#000', offset: '0' },
      videoTitle: 'Test',
      videoSubtitle: 'Pattern',
      videoDescription: 'Colour bars',
      noControls: false,
      autoplayMode: 'always',
      muted: true,
      loop: true,
      preload: 'metadata',
      playbackRates: [0.5, 1, 2],
      showJumpControls: true,
      pictureInPictureToggle: true,
      chaptersButton: true,
      seekThumbnails: false,
      floatingWhenNotVisible: 'right',
      theme: 'light',
      colors: { accent: '#ff620c' },
      fontFace: 'inherit',
      logo: { imageUrl: 'https://example.com/logo.png', onClickUrl: 'https://example.com' },
      chapters: 'https://example.com/chapters.vtt',
    });
  });

  it('takes a source as a public id, a URL, or a source object', () => {
    assert.deepEqual(mapVideoPlayerOptions({ source: 'dog' }).element, { publicId: 'dog' });
    assert.deepEqual(mapVideoPlayerOptions({ source: 'https://cdn.example/v.m3u8' }).element, {
      src: 'https://cdn.example/v.m3u8',
    });
    assert.deepEqual(
      mapVideoPlayerOptions({ source: { publicId: 'dog', info: { title: 'Dog' } } }, { cloudName: 'demo' })
        .element,
      { publicId: 'dog', videoTitle: 'Dog', cloudName: 'demo' },
    );
  });

  it('lets autoplayMode win over autoplay, and turns off controls and the big play button', () => {
    assert.strictEqual(
      mapVideoPlayerOptions({ autoplay: true, autoplayMode: 'on-scroll' }).element.autoplayMode,
      'on-scroll',
    );
    const mapped = mapVideoPlayerOptions({ controls: false, bigPlayButton: false, showLogo: false });
    assert.strictEqual(mapped.element.noControls, true);
    assert.sameMembers([...(mapped.element.hideControls ?? [])], ['big-play', 'logo']);
  });

  it('warns about an invalid value it cannot print as JSON instead of throwing', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const mapped = mapVideoPlayerOptions({ playbackRates: circular, fontFace: 10n });
    assert.deepEqual(codes(mapped), ['embed-invalid-option', 'embed-invalid-option']);
    assert.match(mapped.warnings[0]!.message, /^playbackRates = \[object Object\]/);
  });

  it('reads cloudinaryConfig.cloud_name', () => {
    assert.strictEqual(
      mapVideoPlayerOptions({ cloudinaryConfig: { cloud_name: 'acme' } }).element.cloudName,
      'acme',
    );
  });

  it('accepts options with no effect in Kumo silently', () => {
    assert.deepEqual(codes(mapVideoPlayerOptions({ fluid: true, secure: true, playsinline: true })), []);
  });

  it('warns about unknown, unsupported and invalid options', () => {
    const mapped = mapVideoPlayerOptions({
      autoplayMood: 'never',
      ads: { adTagUrl: 'x' },
      transformation: { width: 400 },
      sourceTypes: ['dash', 'mp4'],
      preload: 'everything',
    });
    assert.deepEqual(codes(mapped), [
      'embed-unknown-option',
      'embed-unsupported-option',
      'embed-invalid-option',
      'embed-unsupported-source-type',
      'embed-invalid-option',
    ]);
    assert.deepEqual(mapped.element, { sourceTypes: ['mp4'] });
  });
});

describe('video player events', () => {
  it('maps every Cloudinary name onto an event the element dispatches', () => {
    const dispatched = Object.values(playerEvents)
      .map((value) => (value as { eventName?: string }).eventName)
      .filter(Boolean);
    for (const [name, mapping] of Object.entries(PLAYER_EVENTS))
      assert.include(dispatched, mapping.type, name);
  });

  it('has no element event for names Kumo cannot report', () => {
    assert.strictEqual(playerEventType('play'), 'kumo-play');
    assert.isUndefined(playerEventType('productHover'));
    assert.isUndefined(playerEventType('toString'));
  });

  it("moves payloads to Cloudinary's eventData", () => {
    const quartile = new CustomEvent('kumo-progress-quartile', { detail: { quartile: 75 } });
    assert.deepEqual(toPlayerEvent('percentsplayed', quartile).eventData, { percent: 75 });
    const seek = new CustomEvent('kumo-seeked', { detail: { from: 3, time: 12 } });
    const event = toPlayerEvent('seek', seek);
    assert.deepEqual(event.eventData, { seekStart: 3, seekEnd: 12 });
    assert.strictEqual(event.type, 'seek');
    assert.strictEqual(event.originalEvent, seek);
    assert.isUndefined(
      toPlayerEvent('play', new CustomEvent('kumo-play', { detail: { time: 1 } })).eventData,
    );
  });
});
