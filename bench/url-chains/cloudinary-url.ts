// The typical chain built with the official Node SDK's cloudinary.url() (analytics off).
import cloudinary from 'cloudinary';

export const cloudinaryTypicalUrl = (): string =>
  cloudinary.v2.url('sample', {
    cloud_name: 'demo',
    urlAnalytics: false,
    transformation: [
      { crop: 'fill', gravity: 'auto', width: 400, height: 300 },
      { quality: 'auto' },
      { fetch_format: 'auto' },
      { dpr: 2 },
    ],
  });
