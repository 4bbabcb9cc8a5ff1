// Runs in a Chromium with a fake camera (a synthetic video stream, permission granted without a
// prompt): scripts/web-test-runner.config.mjs sends `*.camera.test.ts` files there. The no-camera
// path is tested in upload-source-camera.test.ts, in the Chromium without one.
import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture, sleep, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import '../define.js';
import './define.js';
import en from '../locales/en.js';
import {
  admin,
  deep,
  expectAccessible,
  nextEvent,
  recordEvents,
  testServer,
  unsignedPreset,
} from '../testing/widget-fixtures.js';
import type { KumoUploadAddedEvent, KumoUploadSuccessEvent } from '../upload-widget/upload-widget.events.js';
import type { KumoUploadWidget } from '../upload-widget/upload-widget.js';
import type { KumoUploadPhotoCaptureEvent } from './upload-source-camera.events.js';
import type { KumoUploadSourceCamera } from './upload-source-camera.js';

const preview = (camera: KumoUploadSourceCamera) =>
  camera.shadowRoot!.querySelector<HTMLVideoElement>('video[part="preview"]');
const photo = (camera: KumoUploadSourceCamera) =>
  camera.shadowRoot!.querySelector<HTMLImageElement>('img[part="photo"]');
const buttonNamed = (camera: KumoUploadSourceCamera, text: string) => {
  const found = [...camera.shadowRoot!.querySelectorAll('button')].find(
    (button) => button.textContent!.trim() === text,
  );
  if (!found) throw new Error(`no button named ${text}`);
  return found;
};

/** The stream the preview shows, once the camera is live and the picture is moving. */
async function livePreview(
  camera: KumoUploadSourceCamera,
): Promise<{ video: HTMLVideoElement; stream: MediaStream }> {
  await waitUntil(() => camera.state === 'live', 'the camera to start', 10_000);
  await camera.updateComplete;
  const video = preview(camera)!;
  await waitUntil(() => video.srcObject instanceof MediaStream, 'the stream on the preview', 5000);
  await waitUntil(() => video.videoWidth > 0 && video.readyState >= 2, 'the first frame', 10_000);
  return { video, stream: video.srcObject as MediaStream };
}

async function cameraFixture(): Promise<KumoUploadSourceCamera> {
  return fixture<KumoUploadSourceCamera>(html`<kumo-upload-source-camera></kumo-upload-source-camera>`);
}

/** Takes a photo and waits for it to be shown for checking. */
async function takePhoto(camera: KumoUploadSourceCamera): Promise<HTMLImageElement> {
  buttonNamed(camera, en['camera.capture']).click();
  await waitUntil(() => camera.state === 'captured', 'the photo', 10_000);
  await camera.updateComplete;
  const image = photo(camera)!;
  await image.decode();
  return image;
}

const videoTrack = (stream: MediaStream) => stream.getVideoTracks()[0]!;

describe('<kumo-upload-source-camera> with a camera', () => {
  afterEach(cleanupFixtures);

  it('shows the live picture of the camera', async () => {
    const camera = await cameraFixture();
    const { video, stream } = await livePreview(camera);
    assert.strictEqual(camera.getAttribute('state'), 'live');
    assert.strictEqual(video.getAttribute('aria-label'), en['camera.preview']);
    assert.isTrue(video.muted, 'a preview plays without sound, so autoplay is allowed');
    assert.lengthOf(stream.getAudioTracks(), 0, 'no microphone is asked for');
    const track = videoTrack(stream);
    assert.strictEqual(track.readyState, 'live');
    const { width, height } = track.getSettings();
    assert.strictEqual(video.videoWidth, width);
    assert.strictEqual(video.videoHeight, height);
    const start = video.currentTime;
    await waitUntil(() => video.currentTime > start + 0.2, 'the picture to move', 10_000);
    assert.isFalse(video.paused);
    assert.isNull(camera.shadowRoot!.querySelector('[part="message"]'));
    await expectAccessible(camera);
  });

  it('takes a photo the size of the camera picture and shows it for checking', async () => {
    const camera = await cameraFixture();
    const { video, stream } = await livePreview(camera);
    let captured = 0;
    camera.addEventListener('kumo-upload-photo-capture', () => {
      captured += 1;
    });
    const image = await takePhoto(camera);
    assert.strictEqual(camera.getAttribute('state'), 'captured');
    assert.strictEqual(image.naturalWidth, video.videoWidth);
    assert.strictEqual(image.naturalHeight, video.videoHeight);
    assert.isNull(preview(camera), 'the photo replaces the live picture');
    assert.isNull(camera.shadowRoot!.querySelector('[part="capture"]'));
    buttonNamed(camera, en['camera.retake']);
    buttonNamed(camera, en['camera.use']);
    assert.strictEqual(captured, 0, 'nothing is uploaded before the person says so');
    assert.strictEqual(videoTrack(stream).readyState, 'live', 'the camera stays on for a retake');
    await expectAccessible(camera);
  });

  it('hands over the photo as a JPEG file once the person chooses to upload it', async () => {
    const camera = await cameraFixture();
    const { video, stream } = await livePreview(camera);
    const width = video.videoWidth;
    const height = video.videoHeight;
    await takePhoto(camera);
    const captured = nextEvent<KumoUploadPhotoCaptureEvent>(camera, 'kumo-upload-photo-capture');
    buttonNamed(camera, en['camera.use']).click();
    const event = await captured;
    assert.isTrue(event.bubbles && event.composed, 'the widget hears it across shadow roots');
    const { file } = event.detail;
    assert.instanceOf(file, File);
    assert.strictEqual(file.type, 'image/jpeg');
    assert.match(file.name, /^camera-.+\.jpg$/);
    assert.isAbove(file.size, 0);
    const signature = new Uint8Array(await file.slice(0, 3).arrayBuffer());
    assert.deepEqual([...signature], [0xff, 0xd8, 0xff], 'JPEG bytes');
    const bitmap = await createImageBitmap(file);
    assert.strictEqual(bitmap.width, width);
    assert.strictEqual(bitmap.height, height);
    bitmap.close();
    // Back to the live picture for the next photo, on the same stream.
    await waitUntil(
      () => camera.state === 'live' && preview(camera) !== null,
      'the live picture again',
      5000,
    );
    const again = await livePreview(camera);
    assert.strictEqual(again.stream, stream);
    assert.isNull(photo(camera));
  });

  it('retakes: the photo is dropped and the live picture comes back', async () => {
    const camera = await cameraFixture();
    const { stream } = await livePreview(camera);
    const events = recordEvents(camera, ['kumo-upload-photo-capture']);
    const first = await takePhoto(camera);
    const photoUrl = first.src;
    buttonNamed(camera, en['camera.retake']).click();
    const { video } = await livePreview(camera);
    assert.strictEqual(video.srcObject, stream);
    const start = video.currentTime;
    await waitUntil(() => video.currentTime > start + 0.1, 'the picture to move again', 10_000);
    assert.isNull(photo(camera));
    assert.lengthOf(events, 0);
    // The discarded photo's object URL is released.
    const gone = await fetch(photoUrl).then(
      () => false,
      () => true,
    );
    assert.isTrue(gone, 'the object URL of the dropped photo no longer resolves');
    const second = await takePhoto(camera);
    assert.notStrictEqual(second.src, photoUrl, 'a new photo');
  });

  it('takes no photo while disabled', async () => {
    const camera = await cameraFixture();
    await livePreview(camera);
    camera.disabled = true;
    await camera.updateComplete;
    const shutter = camera.shadowRoot!.querySelector<HTMLButtonElement>('[part="capture"]')!;
    assert.isTrue(shutter.disabled);
    shutter.click();
    await sleep(100);
    assert.strictEqual(camera.state, 'live');
    camera.disabled = false;
    await camera.updateComplete;
    await takePhoto(camera);
    camera.disabled = true;
    await camera.updateComplete;
    assert.isTrue(buttonNamed(camera, en['camera.use']).disabled);
    assert.isFalse(buttonNamed(camera, en['camera.retake']).disabled);
  });

  it('switches the camera off when removed from the page, and on again when put back', async () => {
    const camera = await cameraFixture();
    const { stream } = await livePreview(camera);
    const track = videoTrack(stream);
    const parent = camera.parentElement!;
    camera.remove();
    assert.strictEqual(track.readyState, 'ended', 'the camera light goes off');
    parent.append(camera);
    const again = await livePreview(camera);
    assert.notStrictEqual(again.stream, stream, 'a fresh stream');
    assert.strictEqual(videoTrack(again.stream).readyState, 'live');
    camera.remove();
    assert.strictEqual(videoTrack(again.stream).readyState, 'ended');
  });

  it('switches the camera off when removed while it is still starting', async () => {
    const camera = await cameraFixture();
    const parent = camera.parentElement!;
    camera.remove();
    await sleep(500);
    assert.strictEqual(camera.state, 'starting', 'a late answer from the camera changes nothing');
    parent.append(camera);
    const { stream } = await livePreview(camera);
    camera.remove();
    assert.strictEqual(videoTrack(stream).readyState, 'ended');
  });
});

describe('<kumo-upload-widget> with a camera', () => {
  afterEach(cleanupFixtures);

  const cameraIn = (widget: KumoUploadWidget) =>
    deep<KumoUploadSourceCamera>(widget, 'kumo-upload-sources', 'kumo-upload-source-camera');

  it('uploads a photo taken with the camera to the server', async () => {
    const preset = await unsignedPreset();
    const server = testServer();
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
      mode="inline"
      sources="camera"
      api-base=${server.apiBase}
      cloud-name=${server.cloudName}
      upload-preset=${preset}
    ></kumo-upload-widget>`);
    await waitUntil(
      () => widget.shadowRoot!.querySelector('kumo-upload-sources') !== null,
      'the sources',
      10_000,
    );
    await waitUntil(
      () =>
        widget
          .shadowRoot!.querySelector('kumo-upload-sources')!
          .shadowRoot?.querySelector('kumo-upload-source-camera') != null,
      'the camera panel',
      10_000,
    );
    const camera = cameraIn(widget);
    const { video } = await livePreview(camera);
    const width = video.videoWidth;
    const height = video.videoHeight;
    await takePhoto(camera);
    const added = nextEvent<KumoUploadAddedEvent>(widget, 'kumo-upload-added');
    const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
    buttonNamed(camera, en['camera.use']).click();
    assert.strictEqual((await added).detail.files[0]?.source, 'camera');
    const { info } = (await success).detail;
    assert.strictEqual(info.resource_type, 'image');
    assert.strictEqual(info.format, 'jpg');
    assert.strictEqual(info.width, width);
    assert.strictEqual(info.height, height);
    const stored = await admin<{ width: number; height: number; format: string; bytes: number }>(
      'GET',
      `/resources/image/upload/${encodeURIComponent(info.public_id)}`,
    );
    assert.strictEqual(stored.status, 200);
    assert.strictEqual(stored.body.width, width);
    assert.strictEqual(stored.body.height, height);
    assert.strictEqual(stored.body.format, 'jpg');
    assert.strictEqual(stored.body.bytes, info.bytes);
    assert.deepEqual(widget.value, [info.public_id]);
  });

  it('switches the camera off when the widget closes', async () => {
    const server = testServer();
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
      sources="camera"
      api-base=${server.apiBase}
      cloud-name=${server.cloudName}
      upload-preset="unused"
    ></kumo-upload-widget>`);
    await widget.open('camera');
    await waitUntil(
      () =>
        widget
          .shadowRoot!.querySelector('kumo-upload-sources')
          ?.shadowRoot?.querySelector('kumo-upload-source-camera') != null,
      'the camera panel',
      10_000,
    );
    const { stream } = await livePreview(cameraIn(widget));
    widget.close({ quiet: true });
    await widget.updateComplete;
    await waitUntil(() => videoTrack(stream).readyState === 'ended', 'the camera to switch off', 5000);
    assert.isFalse(widget.isShowing);
  });
});
