/** Registers `<kumo-upload-widget>` and every part it renders (each once, whatever else loaded them). */
import './upload-advanced/define.js';
import './upload-completed/define.js';
import './upload-crop/define.js';
import './upload-file-item/define.js';
import './upload-source-camera/define.js';
import './upload-source-local/define.js';
import './upload-source-url/define.js';
import './upload-sources/define.js';
import './upload-widget/define.js';
