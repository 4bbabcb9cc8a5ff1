import { describe, it } from 'node:test';
import { assert } from 'chai';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { dashUrl, hlsUrl } from './streaming.js';

// Adaptive streaming form from the grammar notes (§4.10): `sp_<profile>` and the manifest extension.
describe('hlsUrl / dashUrl', () => {
  it('requests the automatic ladder by default', () => {
    assert.equal(
      hlsUrl('sea_turtle', { cloudName: 'demo' }),
      'https://res.cloudinary.com/demo/video/upload/sp_auto/sea_turtle.m3u8',
    );
    assert.equal(
      dashUrl('sea_turtle', { cloudName: 'demo' }),
      'https://res.cloudinary.com/demo/video/upload/sp_auto/sea_turtle.mpd',
    );
  });

  it('uses a named profile after the video transformation, with the playback_url version form', () => {
    assert.equal(
      hlsUrl('dog', {
        cloudName: 'demo',
        profile: 'full_hd',
        version: 1533125278,
        transformation: { width: 500 },
      }),
      'https://res.cloudinary.com/demo/video/upload/w_500/sp_full_hd/v1533125278/dog.m3u8',
    );
  });

  it('rejects profile names that would break the path', () => {
    assert.throws(() => hlsUrl('dog', { cloudName: 'demo', profile: 'hd/x' }), DeliveryUrlError, /profile/);
    assert.throws(() => dashUrl('dog', { cloudName: 'demo', profile: '' }), DeliveryUrlError, /profile/);
  });
});
