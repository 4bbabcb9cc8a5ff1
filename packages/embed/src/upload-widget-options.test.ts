import { describe, it } from 'node:test';
import { assert } from 'chai';
import en from '../../upload-widget/src/locales/en.js';
import { mapUploadWidgetOptions } from './upload-widget-options.js';

const codes = (mapped: { warnings: readonly { code: string }[] }) => mapped.warnings.map((w) => w.code);

describe('mapUploadWidgetOptions', () => {
  describe('defaults', () => {
    it('maps nothing to nothing, without warnings', () => {
      const mapped = mapUploadWidgetOptions({});
      assert.deepEqual(mapped.element, {});
      assert.deepEqual(mapped.page, {});
      assert.deepEqual(mapped.warnings, []);
    });

    it('takes the cloud name and server from the context when the options give none', () => {
      const mapped = mapUploadWidgetOptions(
        { uploadPreset: 'p' },
        { cloudName: 'from-setter', apiBase: 'https://media.example' },
      );
      assert.strictEqual(mapped.element.cloudName, 'from-setter');
      assert.strictEqual(mapped.element.apiBase, 'https://media.example');
      const own = mapUploadWidgetOptions(
        { cloudName: 'own', apiBase: 'https://own.example', uploadPreset: 'p' },
        { cloudName: 'from-setter', apiBase: 'https://media.example' },
      );
      assert.strictEqual(own.element.cloudName, 'own');
      assert.strictEqual(own.element.apiBase, 'https://own.example');
    });
  });

  describe('option names', () => {
    const cases: Array<[string, unknown, string, unknown]> = [
      ['cloudName', 'demo', 'cloudName', 'demo'],
      ['uploadPreset', 'unsigned', 'uploadPreset', 'unsigned'],
      ['apiKey', '1234', 'apiKey', '1234'],
      ['apiBase', 'https://kumo.example', 'apiBase', 'https://kumo.example'],
      ['defaultSource', 'url', 'defaultSource', 'url'],
      ['multiple', true, 'multiple', true],
      ['maxFiles', 3, 'maxFiles', 3],
      ['cropping', false, 'cropping', false],
      ['croppingAspectRatio', 1.5, 'croppingAspectRatio', 1.5],
      ['showSkipCropButton', true, 'showSkipCropButton', true],
      ['clientAllowedFormats', ['jpg', '.PNG'], 'clientAllowedFormats', ['jpg', 'PNG']],
      ['maxFileSize', 1000, 'maxFileSize', 1000],
      ['maxImageFileSize', 2000, 'maxImageFileSize', 2000],
      ['maxVideoFileSize', 3000, 'maxVideoFileSize', 3000],
      ['maxRawFileSize', 4000, 'maxRawFileSize', 4000],
      ['maxImageWidth', 800, 'maxImageWidth', 800],
      ['maxImageHeight', 600, 'maxImageHeight', 600],
      ['minImageWidth', 80, 'minImageWidth', 80],
      ['minImageHeight', 60, 'minImageHeight', 60],
      ['validateMaxWidthHeight', true, 'validateMaxWidthHeight', true],
      ['maxChunkSize', 5_000_000, 'chunkSize', 5_000_000],
      ['folder', 'products', 'folder', 'products'],
      ['tags', ['a', 'b'], 'tags', ['a', 'b']],
      ['context', { alt: 'A cat', caption: 'Cat' }, 'context', { alt: 'A cat', caption: 'Cat' }],
      ['publicId', 'hero', 'publicId', 'hero'],
      ['resourceType', 'video', 'resourceType', 'video'],
      ['showAdvancedOptions', true, 'showAdvancedOptions', true],
      ['language', 'fr', 'lang', 'fr'],
      ['styles', { palette: { action: '#f00' } }, 'palette', { action: '#f00' }],
      ['theme', 'dark', 'theme', 'dark'],
      ['singleUploadAutoClose', true, 'singleUploadAutoClose', true],
      ['autoMinimize', true, 'autoMinimize', true],
    ];
    for (const [name, value, property, expected] of cases) {
      it(`maps ${name} to the element's ${property}`, () => {
        const mapped = mapUploadWidgetOptions({ [name]: value });
        assert.deepEqual((mapped.element as Record<string, unknown>)[property], expected);
        assert.deepEqual(codes(mapped), [], `no warning for ${name}`);
      });
    }

    it('reads snake_case names exactly like camelCase ones', () => {
      const camel = mapUploadWidgetOptions({
        cloudName: 'demo',
        uploadPreset: 'p',
        maxFileSize: 10,
        clientAllowedFormats: ['jpg'],
        maxChunkSize: 20,
        showAdvancedOptions: true,
        croppingAspectRatio: 2,
      });
      const snake = mapUploadWidgetOptions({
        cloud_name: 'demo',
        upload_preset: 'p',
        max_file_size: 10,
        client_allowed_formats: ['jpg'],
        max_chunk_size: 20,
        show_advanced_options: true,
        cropping_aspect_ratio: 2,
      });
      assert.deepEqual(snake.element, camel.element);
      assert.deepEqual(snake.warnings, []);
    });

    it('accepts numbers written as strings and lists written as comma strings, as Cloudinary does', () => {
      const mapped = mapUploadWidgetOptions({
        maxFiles: '4',
        tags: 'a, b c',
        clientAllowedFormats: 'jpg,png',
      });
      assert.strictEqual(mapped.element.maxFiles, 4);
      assert.deepEqual(mapped.element.tags, ['a', 'b', 'c']);
      assert.deepEqual(mapped.element.clientAllowedFormats, ['jpg', 'png']);
    });

    it("reads context in the Upload API's wire form", () => {
      const mapped = mapUploadWidgetOptions({ context: 'alt=A cat|caption=Cat' });
      assert.deepEqual(mapped.element.context, { alt: 'A cat', caption: 'Cat' });
    });

    it("passes the element's own option names through", () => {
      const mapped = mapUploadWidgetOptions({
        chunkSize: 10,
        parallelUploads: 2,
        croppingMode: 'apply',
        croppingAspectRatios: [1, 16 / 9],
        valueFormat: 'url',
        name: 'photos',
        required: true,
        mode: 'inline',
        dir: 'rtl',
        recoveryKey: 'profile',
      });
      assert.deepInclude(mapped.element, {
        chunkSize: 10,
        parallelUploads: 2,
        croppingMode: 'apply',
        valueFormat: 'url',
        name: 'photos',
        required: true,
        mode: 'inline',
        dir: 'rtl',
        recoveryKey: 'profile',
      });
      assert.deepEqual(mapped.warnings, []);
    });
  });

  describe('sources', () => {
    it("keeps Kumo's sources in order and reports the others", () => {
      const mapped = mapUploadWidgetOptions({ sources: ['camera', 'dropbox', 'local', 'unsplash'] });
      assert.deepEqual(mapped.element.sources, ['camera', 'local']);
      assert.deepEqual(codes(mapped), ['embed-unsupported-source']);
      assert.include(mapped.warnings[0]!.message, 'dropbox, unsplash');
    });

    it('falls back to every Kumo source when none is left', () => {
      const mapped = mapUploadWidgetOptions({ sources: ['google_drive'] });
      assert.deepEqual(mapped.element.sources, ['local', 'url', 'camera']);
    });
  });

  describe('cropping', () => {
    it('sends the crop as coordinates, the way Cloudinary does', () => {
      assert.strictEqual(mapUploadWidgetOptions({ cropping: true }).element.croppingMode, 'coordinates');
    });

    it('lets an explicit croppingMode win wherever it is written', () => {
      assert.strictEqual(
        mapUploadWidgetOptions({ croppingMode: 'apply', cropping: true }).element.croppingMode,
        'apply',
      );
      assert.strictEqual(
        mapUploadWidgetOptions({ cropping: true, croppingMode: 'apply' }).element.croppingMode,
        'apply',
      );
    });

    it('maps croppingCoordinatesMode custom silently and warns about face', () => {
      assert.deepEqual(codes(mapUploadWidgetOptions({ croppingCoordinatesMode: 'custom' })), []);
      const face = mapUploadWidgetOptions({ croppingCoordinatesMode: 'face' });
      assert.strictEqual(face.element.croppingMode, 'coordinates');
      assert.deepEqual(codes(face), ['embed-unsupported-option']);
    });

    it('treats croppingAspectRatio null as free', () => {
      const mapped = mapUploadWidgetOptions({ croppingAspectRatio: null });
      assert.notProperty(mapped.element, 'croppingAspectRatio');
      assert.deepEqual(mapped.warnings, []);
    });
  });

  describe('uploadSignature', () => {
    it('passes a function through unchanged', () => {
      const sign = (callback: (signature: string) => void) => callback('abc');
      assert.strictEqual(mapUploadWidgetOptions({ uploadSignature: sign }).element.uploadSignature, sign);
    });

    it('passes a signing URL through as an endpoint', () => {
      for (const url of ['https://example.com/sign', '/api/sign', '//example.com/sign']) {
        assert.strictEqual(mapUploadWidgetOptions({ uploadSignature: url }).element.uploadSignature, url);
      }
    });

    it('turns a precomputed signature into a function answering it with its timestamp and key', async () => {
      const mapped = mapUploadWidgetOptions({
        uploadSignature: '0f3a9c',
        uploadSignatureTimestamp: 1_700_000_000,
        apiKey: '1234',
      });
      assert.deepEqual(mapped.warnings, []);
      const sign = mapped.element.uploadSignature;
      assert.isFunction(sign);
      const answer = await new Promise((resolve) => {
        (sign as (cb: (result: unknown) => void, params: Record<string, string>) => void)(resolve, {});
      });
      assert.deepEqual(answer, { signature: '0f3a9c', timestamp: 1_700_000_000, api_key: '1234' });
    });

    it('warns when a precomputed signature comes without its timestamp', () => {
      assert.deepEqual(codes(mapUploadWidgetOptions({ uploadSignature: '0f3a9c' })), [
        'embed-signature-timestamp',
      ]);
    });
  });

  describe('page hooks', () => {
    it('passes prepareUploadParams and preBatch through unchanged, snake_case too', () => {
      const prepare = () => undefined;
      const preBatch = () => undefined;
      const camel = mapUploadWidgetOptions({ prepareUploadParams: prepare, preBatch });
      assert.strictEqual(camel.element.prepareUploadParams, prepare);
      assert.strictEqual(camel.element.preBatch, preBatch);
      assert.deepEqual(codes(camel), []);
      const snake = mapUploadWidgetOptions({ prepare_upload_params: prepare, pre_batch: preBatch });
      assert.strictEqual(snake.element.prepareUploadParams, prepare);
      assert.strictEqual(snake.element.preBatch, preBatch);
    });

    it('skips hooks that are not functions, with a warning', () => {
      const mapped = mapUploadWidgetOptions({ prepareUploadParams: 'sign.php', preBatch: true });
      assert.deepEqual(mapped.element, {});
      assert.deepEqual(codes(mapped), ['embed-invalid-option', 'embed-invalid-option']);
      assert.include(mapped.warnings[0]!.message, 'expected a function');
    });
  });

  describe('page options', () => {
    it('puts the widget inline inside inlineContainer', () => {
      const mapped = mapUploadWidgetOptions({ inlineContainer: '#uploader' });
      assert.strictEqual(mapped.element.mode, 'inline');
      assert.strictEqual(mapped.page.inlineContainer, '#uploader');
      const element = document.createElement('div');
      assert.strictEqual(mapUploadWidgetOptions({ inline_container: element }).page.inlineContainer, element);
    });

    it('keeps form, fieldName, thumbnails and the button options for the page', () => {
      const mapped = mapUploadWidgetOptions({
        form: '#signup',
        fieldName: 'avatar',
        thumbnails: false,
        thumbnailTransformation: 'c_fill,w_50,h_50',
        buttonCaption: 'Add a photo',
        buttonClass: 'btn',
      });
      assert.deepEqual(mapped.page, {
        form: '#signup',
        fieldName: 'avatar',
        thumbnails: false,
        thumbnailTransformation: 'c_fill,w_50,h_50',
        buttonCaption: 'Add a photo',
        buttonClass: 'btn',
      });
      assert.deepEqual(mapped.element, {});
    });
  });

  describe('theme', () => {
    it("maps Cloudinary's plain themes to the light theme without a warning", () => {
      for (const theme of ['default', 'white']) {
        const mapped = mapUploadWidgetOptions({ theme });
        assert.strictEqual(mapped.element.theme, 'light');
        assert.deepEqual(mapped.warnings, []);
      }
    });

    it('warns about themes it can only approximate', () => {
      const mapped = mapUploadWidgetOptions({ theme: 'purple' });
      assert.strictEqual(mapped.element.theme, 'light');
      assert.deepEqual(codes(mapped), ['embed-theme-approximated']);
    });
  });

  describe('text', () => {
    it("keeps Cloudinary's languages and nesting, renaming the keys that differ", () => {
      const mapped = mapUploadWidgetOptions({
        text: {
          en: { local: { browse: 'Pick' }, queue: { statuses: { uploaded: 'Finished' } } },
          fr: { local: { browse: 'Choisir' } },
        },
      });
      assert.deepEqual(mapped.element.text, {
        en: { 'local.browse': 'Pick', 'queue.statuses.done': 'Finished' },
        fr: { 'local.browse': 'Choisir' },
      });
      assert.deepEqual(mapped.warnings, []);
    });

    it('takes a table without languages as it is', () => {
      const mapped = mapUploadWidgetOptions({ text: { local: { browse: 'Pick' }, or: 'ou' } });
      assert.deepEqual(mapped.element.text, { 'local.browse': 'Pick', or: 'ou' });
    });

    it('drops the sections of sources Kumo does not have, with one warning', () => {
      const mapped = mapUploadWidgetOptions({
        text: { en: { menu: { files: 'Files', dropbox: 'Dropbox' }, search: { search_btn: 'Go' } } },
      });
      assert.deepEqual(mapped.element.text, { en: { 'menu.files': 'Files' } });
      assert.deepEqual(codes(mapped), ['embed-text-unmapped']);
      assert.include(mapped.warnings[0]!.message, 'menu.dropbox');
    });

    it("produces only keys the widget's English table has, for Cloudinary's common keys", () => {
      const cloudinary = {
        or: 'Or',
        back: 'Back',
        advanced: 'Advanced',
        close: 'Close',
        menu: { files: 'My Files', web: 'Web Address', camera: 'Camera' },
        local: {
          browse: 'Browse',
          dd_title_single: 'Drag and Drop an asset here',
          dd_title_multi: 'Drag and Drop assets here',
          drop_title_single: 'Drop a file to upload',
          drop_title_multiple: 'Drop files to upload',
        },
        crop: { title: 'Crop', crop_btn: 'Crop', skip_btn: 'Skip', reset_btn: 'Reset' },
        queue: {
          title: 'Upload Queue',
          title_uploading_with_counter: 'Uploading {{num}} Assets',
          mini_title: 'Uploaded',
          retry_failed: 'Retry Failed',
          abort_all: 'Abort all',
          upload_more: 'Upload More',
          done: 'Done',
          mini_upload_count: '{{num}} Uploaded',
          statuses: {
            uploading: 'Uploading...',
            processing: 'Processing...',
            error: 'Error',
            uploaded: 'Done',
          },
        },
        errors: {
          file_too_large: 'File size ({{size}}) exceeds maximum allowed ({{allowed}})',
          max_dimensions_validation: 'Image dimensions ({{width}}X{{height}}) are bigger than allowed',
          min_dimensions_validation: 'Image dimensions ({{width}}X{{height}}) are smaller than allowed',
          max_number_of_files: 'Maximum number of files exceeded',
        },
      };
      const mapped = mapUploadWidgetOptions({ text: { en: cloudinary } });
      const keys = Object.keys((mapped.element.text as Record<string, Record<string, string>>)['en']!);
      const missing = keys.filter((key) => !Object.hasOwn(en, key));
      assert.deepEqual(missing, [], 'keys the widget would not know');
    });
  });

  describe('update()', () => {
    it('refuses options fixed at creation, and applies no defaults', () => {
      const mapped = mapUploadWidgetOptions(
        { inlineContainer: '#x', fieldName: 'f', maxFiles: 2 },
        { updating: true, cloudName: 'demo', apiBase: 'https://kumo.example' },
      );
      assert.deepEqual(mapped.element, { maxFiles: 2 });
      assert.deepEqual(codes(mapped), ['embed-option-not-updatable', 'embed-option-not-updatable']);
    });
  });

  describe('errors', () => {
    it('warns about unknown options and skips them', () => {
      const mapped = mapUploadWidgetOptions({ cloudName: 'demo', maxFilez: 3 });
      assert.deepEqual(mapped.element, { cloudName: 'demo' });
      assert.deepEqual(codes(mapped), ['embed-unknown-option']);
      assert.include(mapped.warnings[0]!.message, 'maxFilez');
    });

    it('names Cloudinary options Kumo does not offer', () => {
      const mapped = mapUploadWidgetOptions({ showPoweredBy: false, google_api_key: 'k', secure: true });
      assert.deepEqual(codes(mapped), ['embed-unsupported-option', 'embed-unsupported-option']);
      assert.include(mapped.warnings[1]!.message, 'googleApiKey');
    });

    it('skips values of the wrong type with a warning that names the value', () => {
      const mapped = mapUploadWidgetOptions({
        maxFiles: 'many',
        multiple: 'yes',
        resourceType: 'pdf',
        maxFileSize: -1,
        inlineContainer: 42,
        theme: 'neon',
      });
      assert.deepEqual(mapped.element, {});
      assert.deepEqual(codes(mapped), Array(6).fill('embed-invalid-option'));
      assert.include(mapped.warnings[0]!.message, '"many"');
    });
  });
});
