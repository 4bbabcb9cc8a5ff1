import { describe, it } from 'node:test';
import { assert } from 'chai';
import { customCoordinates, uploadParams, uploadUrl } from './upload-params.js';

const base = { apiBase: 'http://127.0.0.1:3000', cloudName: 'demo' };

describe('upload parameters', () => {
  it('sends source=uw and nothing else by default', () => {
    assert.deepEqual(uploadParams(base), { source: 'uw' });
  });

  it('names the options the way the Upload API does, tags comma-joined and context piped', () => {
    const params = uploadParams({
      ...base,
      uploadPreset: 'widget',
      folder: 'shop/items',
      tags: ['red', 'sale'],
      context: { alt: 'a=b|c', caption: 'Summer' },
      publicId: 'hat',
    });
    assert.deepEqual(params, {
      upload_preset: 'widget',
      folder: 'shop/items',
      tags: 'red,sale',
      context: 'alt=a\\=b\\|c|caption=Summer',
      public_id: 'hat',
      source: 'uw',
    });
  });

  it('passes extra parameters through, the named options winning over them', () => {
    const params = uploadParams({ ...base, folder: 'kept', extra: { overwrite: 'true', folder: 'ignored' } });
    assert.equal(params.overwrite, 'true');
    assert.equal(params.folder, 'kept');
    assert.equal(uploadParams({ ...base, extra: { folder: 'from-extra' } }).folder, 'from-extra');
  });

  it('leaves out empty values', () => {
    const params = uploadParams({ ...base, folder: '', tags: [], context: {} });
    assert.deepEqual(Object.keys(params), ['source']);
  });

  it('adds custom_coordinates for a crop, rounded and scaled', () => {
    assert.equal(
      uploadParams(base, { customCoordinates: '1,2,3,4' }).custom_coordinates,
      '1,2,3,4',
      'passed through',
    );
    assert.equal(customCoordinates({ x: 10.4, y: 20.6, width: 100, height: 50 }), '10,21,100,50');
    assert.equal(customCoordinates({ x: 100, y: 50, width: 300, height: 200 }, 0.5), '50,25,150,100');
  });

  it('posts to the cloud and resource type, auto by default', () => {
    assert.equal(uploadUrl(base), 'http://127.0.0.1:3000/v1_1/demo/auto/upload');
    assert.equal(
      uploadUrl({ ...base, apiBase: 'https://kumo.example/', resourceType: 'raw' }),
      'https://kumo.example/v1_1/demo/raw/upload',
    );
    assert.equal(
      uploadUrl({ apiBase: '', cloudName: 'demo', resourceType: 'image' }),
      '/v1_1/demo/image/upload',
    );
  });
});
