// The same URL built with @cloudinary/url-gen, for the size comparison in `npm run bench`.
import { urlGenTypicalUrl } from '../url-chains/url-gen.js';

console.log(urlGenTypicalUrl());
