import type { UploadResourceType } from '@kumo/core';
import { KumoElement } from '@kumo/ui/base';
import type { Palette } from '@kumo/ui/theme/palette';
import type { PropertyDeclarations } from 'lit';
import type {
  CropMode,
  PrepareUploadParamsFunction,
  SignatureFunction,
  UploadSource,
} from '../engine/upload-queue.types.js';
import type { TextOption } from '../locales/text-overrides.js';
import {
  aspectRatioConverter,
  aspectRatiosConverter,
  DEFAULT_OPTIONS,
  listConverter,
  numberConverter,
  tagsConverter,
} from './upload-widget.options.js';
import type { PreBatchFunction, ValueFormat, WidgetMode } from './upload-widget.types.js';

/**
 * The declarative surface of `<kumo-upload-widget>`, apart from its behaviour so the element class
 * stays readable: its options as reactive properties (attribute names are the kebab-case of
 * Cloudinary's option names) and its form-associated API.
 */
export class UploadWidgetBase extends KumoElement {
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    cloudName: { attribute: 'cloud-name' },
    uploadPreset: { attribute: 'upload-preset' },
    apiKey: { attribute: 'api-key' },
    uploadSignature: { attribute: 'upload-signature' },
    prepareUploadParams: { attribute: false },
    preBatch: { attribute: false },
    singleUploadAutoClose: { type: Boolean, attribute: 'single-upload-auto-close' },
    autoMinimize: { type: Boolean, attribute: 'auto-minimize' },
    resourceType: { attribute: 'resource-type' },
    sources: { converter: listConverter },
    defaultSource: { attribute: 'default-source' },
    multiple: { type: Boolean },
    maxFiles: { attribute: 'max-files', converter: numberConverter },
    maxFileSize: { attribute: 'max-file-size', converter: numberConverter },
    maxImageFileSize: { attribute: 'max-image-file-size', converter: numberConverter },
    maxVideoFileSize: { attribute: 'max-video-file-size', converter: numberConverter },
    maxRawFileSize: { attribute: 'max-raw-file-size', converter: numberConverter },
    clientAllowedFormats: { attribute: 'client-allowed-formats', converter: listConverter },
    minImageWidth: { attribute: 'min-image-width', converter: numberConverter },
    minImageHeight: { attribute: 'min-image-height', converter: numberConverter },
    maxImageWidth: { attribute: 'max-image-width', converter: numberConverter },
    maxImageHeight: { attribute: 'max-image-height', converter: numberConverter },
    validateMaxWidthHeight: { type: Boolean, attribute: 'validate-max-width-height' },
    cropping: { type: Boolean },
    croppingAspectRatio: { attribute: 'cropping-aspect-ratio', converter: aspectRatioConverter },
    croppingAspectRatios: { attribute: 'cropping-aspect-ratios', converter: aspectRatiosConverter },
    croppingMode: { attribute: 'cropping-mode' },
    showSkipCropButton: { type: Boolean, attribute: 'show-skip-crop-button' },
    folder: {},
    tags: { converter: tagsConverter },
    context: { attribute: false },
    publicId: { attribute: 'public-id' },
    chunkSize: { attribute: 'chunk-size', converter: numberConverter },
    parallelUploads: { attribute: 'parallel-uploads', converter: numberConverter },
    mode: { reflect: true },
    showAdvancedOptions: { type: Boolean, attribute: 'show-advanced-options' },
    text: { attribute: false },
    palette: { attribute: false },
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    valueFormat: { attribute: 'value-format' },
    recoveryKey: { attribute: 'recovery-key' },
    disabled: { type: Boolean, reflect: true },
    formDisabled: { state: true },
  };

  /** Origin of the Kumo server (`https://media.example.com`); empty for the page's own origin. */
  declare apiBase: string;
  /** Cloud name uploads go to. Required. */
  declare cloudName: string;
  /** Unsigned upload preset; for signed uploads use `uploadSignature` (a preset may still be named). */
  declare uploadPreset: string | undefined;
  /** API key sent with signed uploads (the signing endpoint may supply it instead). */
  declare apiKey: string | undefined;
  /** Signing endpoint URL (POST `{params_to_sign}`), or Cloudinary's `(callback, params) => void` function. */
  declare uploadSignature: string | SignatureFunction | undefined;
  /** Cloudinary's `(callback, params) => void`: per file at upload time, the parameters to send or `{ cancel: true }`. */
  declare prepareUploadParams: PrepareUploadParamsFunction | undefined;
  /** Cloudinary's `(callback, data) => void`: before a batch joins the queue; `callback({ cancel: true })` refuses it. */
  declare preBatch: PreBatchFunction | undefined;
  /** Closes the widget once a single file is uploaded, when it is not `multiple`. */
  declare singleUploadAutoClose: boolean;
  /** Shrinks the widget to its queue bar while files upload. */
  declare autoMinimize: boolean;
  /** `auto` (default), `image`, `video` or `raw`. */
  declare resourceType: UploadResourceType;
  /** Source tabs in display order; attribute: `sources="local url camera"`. Default all three. */
  declare sources: readonly UploadSource[];
  /** The tab shown first; the first of `sources` by default. */
  declare defaultSource: UploadSource | undefined;
  /** Lets the person pick, drop or paste several files at once. */
  declare multiple: boolean;
  /** Most files in one batch; extra files are refused with a message. */
  declare maxFiles: number | undefined;
  /** Largest file in bytes. */
  declare maxFileSize: number | undefined;
  /** Largest image in bytes. */
  declare maxImageFileSize: number | undefined;
  /** Largest video in bytes. */
  declare maxVideoFileSize: number | undefined;
  /** Largest other file in bytes. */
  declare maxRawFileSize: number | undefined;
  /** Allowed extensions (`['jpg', 'png']`); attribute: `client-allowed-formats="jpg png"`. Empty allows any. */
  declare clientAllowedFormats: readonly string[];
  /** Smallest image width in pixels. */
  declare minImageWidth: number | undefined;
  /** Smallest image height in pixels. */
  declare minImageHeight: number | undefined;
  /** Images wider than this are scaled down before upload, or refused with `validateMaxWidthHeight`. */
  declare maxImageWidth: number | undefined;
  /** Images taller than this are scaled down before upload, or refused with `validateMaxWidthHeight`. */
  declare maxImageHeight: number | undefined;
  /** Refuses images over `maxImageWidth`/`maxImageHeight` instead of scaling them down. */
  declare validateMaxWidthHeight: boolean;
  /** Offers a crop step before a single image is uploaded. */
  declare cropping: boolean;
  /** The crop step's initial aspect ratio (`1`, `16/9`; attribute accepts `"16/9"`); free when unset. */
  declare croppingAspectRatio: number | undefined;
  /** Aspect ratios offered as buttons in the crop step; attribute: `"1 4/3 16/9"`. */
  declare croppingAspectRatios: readonly number[];
  /** `coordinates` (default) sends the crop to the server; `apply` crops the pixels before upload. */
  declare croppingMode: CropMode;
  /** Shows a button to upload without cropping. */
  declare showSkipCropButton: boolean;
  /** Folder for uploaded assets. */
  declare folder: string | undefined;
  /** Tags for uploaded assets; attribute: comma-separated (space-separated when there is no comma). */
  declare tags: readonly string[];
  /** Contextual metadata for uploaded assets (`{ alt: '…', caption: '…' }`). */
  declare context: Readonly<Record<string, string>> | undefined;
  /** Public id for the next upload. */
  declare publicId: string | undefined;
  /** Files larger than this go up in chunks of this many bytes (20 MB by default). */
  declare chunkSize: number | undefined;
  /** Files uploaded at the same time (3 by default). */
  declare parallelUploads: number | undefined;
  /** `modal` (default): a button opens the widget in a dialog. `inline`: the widget is part of the page. */
  declare mode: WidgetMode;
  /** Shows public id and tags fields for the next uploads. */
  declare showAdvancedOptions: boolean;
  /** Replacement strings: `{ 'local.browse': 'Pick' }`, `{ local: { browse: 'Pick' } }` or per language. */
  declare text: TextOption | undefined;
  /** Cloudinary `styles.palette` colours (`{ action: '#6b21a8', window: '#fff' }`). */
  declare palette: Palette | undefined;
  /** Form field name the uploaded files are submitted under. */
  declare name: string;
  /** The form is invalid until at least one file is uploaded. */
  declare required: boolean;
  /** What the form value holds per file: `public_id` (default) or its secure `url`. */
  declare valueFormat: ValueFormat;
  /** Names the queue kept for crash recovery; the element's `id` is used when unset. */
  declare recoveryKey: string | undefined;
  /** Turns the widget off: no trigger, no new files (a disabled fieldset does the same). */
  declare disabled: boolean;
  /** Set while an ancestor fieldset is disabled. */
  declare protected formDisabled: boolean;

  constructor() {
    super();
    Object.assign(this, DEFAULT_OPTIONS);
    this.disabled = false;
    this.formDisabled = false;
  }

  /** The form this widget belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The widget's validity (`valueMissing` while `required` and nothing is uploaded). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized message of the current validity problem. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form checks this widget's validity. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity, firing `invalid` when it fails. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the browser's message when it fails. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /**
   * Hands the form one entry per value under `name` (several values through `FormData`), and
   * reports `valueMissing` with `message` while `required` and empty; `anchor` takes focus then.
   */
  protected setFormValues(values: readonly string[], message: string, anchor: HTMLElement | undefined): void {
    if (this.name && values.length > 0) {
      const data = new FormData();
      for (const value of values) data.append(this.name, value);
      this.internals.setFormValue(data);
    } else {
      this.internals.setFormValue(null);
    }
    if (this.required && values.length === 0)
      this.internals.setValidity({ valueMissing: true }, message, anchor);
    else this.internals.setValidity({});
  }
}
