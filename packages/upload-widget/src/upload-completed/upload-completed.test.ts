import { afterEach, describe, it } from 'node:test';
import type { UploadResponse } from '@kumo/core';
import { cleanupFixtures, fixture, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import { expectAccessible, testServer } from '../testing/widget-fixtures.js';
import { thumbnailUrl } from './thumbnail-url.js';
import type { KumoUploadCompleted } from './upload-completed.js';

const delivery = { cloudName: 'demo', baseUrl: 'http://127.0.0.1:9000' };

const asset = (overrides: Partial<UploadResponse>): UploadResponse =>
  ({
    asset_id: overrides.public_id,
    version: 17,
    type: 'upload',
    format: 'png',
    resource_type: 'image',
    secure_url: `https://example.com/${overrides.public_id}`,
    original_filename: overrides.public_id,
    ...overrides,
  }) as UploadResponse;

describe('<kumo-upload-completed>', () => {
  afterEach(cleanupFixtures);

  it('builds square image thumbnails, video posters, and none for raw files', () => {
    assert.strictEqual(
      thumbnailUrl(asset({ public_id: 'folder/cat' }), delivery),
      'http://127.0.0.1:9000/demo/image/upload/c_fill,w_160,h_160/v17/folder/cat.png',
    );
    assert.strictEqual(
      thumbnailUrl(asset({ public_id: 'clip', resource_type: 'video', format: 'mp4' }), delivery),
      'http://127.0.0.1:9000/demo/video/upload/so_0/c_fill,w_160,h_160/v17/clip.jpg',
    );
    assert.isUndefined(
      thumbnailUrl(asset({ public_id: 'notes', resource_type: 'raw', format: undefined }), delivery),
    );
  });

  it('lists each asset with its thumbnail and name, linking to it', async () => {
    const list = await fixture<KumoUploadCompleted>(html`<kumo-upload-completed
      cloud-name="demo"
      api-base="http://127.0.0.1:9000"
      .assets=${[asset({ public_id: 'cat' }), asset({ public_id: 'notes', resource_type: 'raw', format: 'txt' })]}
    ></kumo-upload-completed>`);
    const items = [...list.shadowRoot!.querySelectorAll('[part="item"]')];
    assert.lengthOf(items, 2);
    assert.strictEqual(items[0]!.textContent!.trim(), 'cat.png');
    assert.strictEqual(items[0]!.querySelector('a')!.href, 'https://example.com/cat');
    assert.include(items[0]!.querySelector('img')!.src, '/c_fill,w_160,h_160/');
    assert.isNull(items[1]!.querySelector('img'));
    assert.strictEqual(items[1]!.textContent!.trim(), 'notes.txt');
  });

  it('shows thumbnails the server delivers, for an image and a video', async () => {
    const { apiBase, cloudName } = testServer();
    const list = await fixture<KumoUploadCompleted>(html`<kumo-upload-completed
      cloud-name=${cloudName}
      api-base=${apiBase}
      .assets=${[
        asset({ public_id: 'samples/landscape', format: 'jpg', version: 1 }),
        asset({
          public_id: 'samples/videos/test-pattern',
          resource_type: 'video',
          format: 'mp4',
          version: 1,
        }),
      ]}
    ></kumo-upload-completed>`);
    const images = [...list.shadowRoot!.querySelectorAll('img')];
    assert.lengthOf(images, 2);
    assert.include(images[1]!.src, '/video/upload/so_0/c_fill,w_160,h_160/');
    await waitUntil(() => images.every((image) => image.complete), 'the thumbnails', 15_000);
    assert.deepEqual(
      images.map((image) => image.naturalWidth),
      [160, 160],
    );
    await expectAccessible(list);
  });
});
