// Uploadcare's File Uploader as its docs set it up: every component registered, plus its CSS.
import * as UC from '@uploadcare/file-uploader';
import '@uploadcare/file-uploader/index.css';

UC.defineComponents(UC);
