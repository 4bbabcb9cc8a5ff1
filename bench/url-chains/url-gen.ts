// The typical chain built with @cloudinary/url-gen (analytics off, so no `?_a=` query is added).
import { Cloudinary } from '@cloudinary/url-gen';
import { dpr } from '@cloudinary/url-gen/actions/delivery';
import { fill } from '@cloudinary/url-gen/actions/resize';
import { autoGravity } from '@cloudinary/url-gen/qualifiers/gravity';

const cloudinary = new Cloudinary({ cloud: { cloudName: 'demo' }, url: { analytics: false } });

export const urlGenTypicalUrl = (): string =>
  cloudinary
    .image('sample')
    .resize(fill().width(400).height(300).gravity(autoGravity()))
    .quality('auto')
    .format('auto')
    .delivery(dpr(2))
    .toURL();
