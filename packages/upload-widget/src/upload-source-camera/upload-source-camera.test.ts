// The no-camera path: this file runs in the Chromium without a camera device. Live preview, capture
// and upload are tested in upload-source-camera.camera.test.ts, which runs in one with a fake camera.
import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import en from '../locales/en.js';
import { expectAccessible } from '../testing/widget-fixtures.js';
import type { KumoUploadSourceCamera } from './upload-source-camera.js';
import { cameraProblemOf } from './upload-source-camera.types.js';

describe('<kumo-upload-source-camera>', () => {
  afterEach(cleanupFixtures);

  it('names the problem getUserMedia reports', () => {
    assert.strictEqual(cameraProblemOf(new DOMException('no', 'NotAllowedError')), 'denied');
    assert.strictEqual(cameraProblemOf(new DOMException('none', 'NotFoundError')), 'no_camera');
    assert.strictEqual(cameraProblemOf(new DOMException('busy', 'NotReadableError')), 'error');
    assert.strictEqual(cameraProblemOf('odd'), 'error');
  });

  it('says clearly that there is no camera, and offers no shutter', async () => {
    const camera = await fixture<KumoUploadSourceCamera>(
      html`<kumo-upload-source-camera></kumo-upload-source-camera>`,
    );
    await waitUntil(() => camera.state === 'unavailable', 'the camera check', 5000);
    await camera.updateComplete;
    const message = camera.shadowRoot!.querySelector('[part="message"]')!;
    assert.strictEqual(message.getAttribute('role'), 'status');
    const known = [en['camera.no_camera'], en['camera.denied'], en['camera.unsupported'], en['camera.error']];
    assert.include(known, message.textContent!.trim());
    assert.strictEqual(message.textContent!.trim(), en['camera.no_camera'], 'this browser has no camera');
    assert.isNull(camera.shadowRoot!.querySelector('[part="capture"]'));
    assert.isNull(camera.shadowRoot!.querySelector('video'));
    await expectAccessible(camera);
  });
});
