// The chunk behind <kumo-upload-widget> and kumo.createUploadWidget: the element and the
// Cloudinary-shaped layer over it.
import '@kumo/upload-widget/define';

export { EmbeddedUploadWidget } from '../upload-widget-handle.js';
