import { advancedEnglish } from './advanced.strings.js';
import { announceEnglish } from './announce.strings.js';
import { completedEnglish } from './completed.strings.js';
import { cropEnglish } from './crop.strings.js';
import { panelEnglish } from './panel.strings.js';
import { queueEnglish } from './queue.strings.js';
import { rejectionEnglish } from './rejection.strings.js';
import { sourceCameraEnglish } from './source-camera.strings.js';
import { sourceUrlEnglish } from './source-url.strings.js';
import { sourcesEnglish } from './sources.strings.js';
import { widgetEnglish } from './widget.strings.js';

/**
 * The upload widget's strings in English: the source of every key and of each term's shape, gathered
 * from the parts' own tables. Keys follow Cloudinary's `text` names where it has one
 * (`local.browse`, `queue.retry_failed`), so existing `text` overrides carry over. Terms with values
 * take one object, whose names are also the `{{name}}` placeholders an override string may use.
 */
const en = {
  ...widgetEnglish,
  ...announceEnglish,
  ...panelEnglish,
  ...sourcesEnglish,
  ...queueEnglish,
  ...rejectionEnglish,
  ...sourceUrlEnglish,
  ...sourceCameraEnglish,
  ...cropEnglish,
  ...completedEnglish,
  ...advancedEnglish,
};

export default en;
