// End-to-end: the upload widget studio page against a real Kumo server, in Chromium. Each flavour of
// generated code is run as its user would run it and must configure the same widget as the preview
// and upload; then the page's preview goes through what uploads meet in real life: chunks, a server
// that goes away, a reload, files the widget must refuse, and signatures the server refuses.
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { signIndependently, TEST_KEY } from '../packages/server/src/testing/test-server.js';
import { FLAVOURS, type Flavour } from './shared/code-generator/code-generator.js';
import { flavourApp, serveFlavour } from './testing/flavour-apps.js';
import { KumoTestServer, launchChromium, StudioServer } from './testing/studio-harness.js';
import { configurationOf, generatedCode, openStudioPage, waitForPreview } from './testing/studio-preview.js';
import { BEHAVIOUR_EVENTS, BEHAVIOUR_OPTIONS } from './testing/upload-widget-samples.js';
import {
  DEFAULT_STATE,
  stateToHash,
  type UploadWidgetStudioState,
} from './upload-widget/upload-widget-state.js';

const WIDGET = 'kumo-upload-widget';
const PREVIEW = `#preview ${WIDGET}`;
const KIB = 1024;

interface FileSpec {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const file = (name: string, size: number, mimeType = 'application/octet-stream'): FileSpec => ({
  name,
  mimeType,
  buffer: randomBytes(size),
});

/** A 1×1 PNG: a real image for the format checks. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** Polls `condition` (state the test collects from page events) until it holds. */
async function waitUntil(condition: () => boolean, what: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Is this request an upload (a whole file or one chunk) to the Upload API? */
const isUpload = (request: Request) =>
  request.method() === 'POST' && /\/v1_1\/[^/]+\/[^/]+\/upload$/.test(new URL(request.url()).pathname);

describe('upload widget studio', () => {
  let kumo: KumoTestServer;
  let studio: StudioServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    kumo = await KumoTestServer.start();
    studio = await StudioServer.start(kumo.url);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await studio?.close();
    await kumo?.close();
  });

  /** A fresh page (own storage, clipboard allowed) whose console is collected. */
  async function newPage(): Promise<{ page: Page; logs: unknown[][] }> {
    const context = await browser.newContext();
    contexts.push(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: studio.origin });
    const page = await context.newPage();
    const logs: unknown[][] = [];
    page.on('console', async (message) => {
      if (message.type() !== 'log') return;
      logs.push(await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined))));
    });
    return { page, logs };
  }

  /** Opens the studio page on a configuration and waits until the preview shows it. */
  async function openStudio(page: Page, state: Partial<UploadWidgetStudioState>): Promise<string> {
    const hash = stateToHash({ ...DEFAULT_STATE, ...state });
    await openStudioPage(page, `${studio.origin}/upload-widget/`, hash, WIDGET);
    return hash;
  }

  async function addFiles(page: Page, scope: string, files: readonly FileSpec[]): Promise<void> {
    const input = page.locator(`${scope} input[type="file"]`).first();
    await input.setInputFiles(files.map((spec) => ({ ...spec })));
  }

  /** The Upload API responses the preview received, once it has `count` of them. */
  async function uploaded(page: Page, count: number, timeout = 30_000): Promise<Record<string, unknown>[]> {
    await page.waitForFunction(
      ([selector, expected]) =>
        ((document.querySelector(selector as string) as unknown as { uploaded?: unknown[] })?.uploaded
          ?.length ?? 0) >= (expected as number),
      [PREVIEW, count],
      { timeout },
    );
    return page.$eval(
      PREVIEW,
      (element) => (element as unknown as { uploaded: Record<string, unknown>[] }).uploaded,
    );
  }

  /** Checks through the Admin API that the server stored exactly `spec`'s bytes under the upload's id. */
  async function assertStored(
    info: Record<string, unknown>,
    spec: FileSpec,
  ): Promise<Record<string, unknown>> {
    const path = `/resources/${info.resource_type}/upload/${info.public_id}`;
    const { status, body } = await kumo.admin('GET', path);
    assert.strictEqual(status, 200, `${spec.name}: ${JSON.stringify(body)}`);
    assert.strictEqual(body.bytes, spec.buffer.length, `${spec.name} bytes`);
    assert.strictEqual(body.etag, md5(spec.buffer), `${spec.name} md5`);
    return body;
  }

  describe('code flavours', () => {
    // Values that need escaping in every language the snippets are written in.
    const configured: Partial<UploadWidgetStudioState> = {
      // Not the default list (no camera); local first, so the file picker is the open tab.
      sources: ['local', 'url'],
      multiple: true,
      maxFiles: 3,
      folder: 'studio/flavours',
      tags: ['summer sale', 'say "hi" it\'s {x}'],
      context: [
        ['alt', 'He said "hi" & <left>'],
        ['caption', "it's {new}"],
      ],
      chunkSize: 512 * KIB,
      mode: 'inline',
      lang: 'fr',
      theme: 'dark',
      palette: { window: '#fdf6e3', action: '#6b21a8' },
      events: ['kumo-upload-success'],
    };
    // The crop step's extras and the widget's behaviour while uploading: one file (auto close needs
    // `multiple` off), not an image, so it goes up without the crop step.
    const behaviour: Partial<UploadWidgetStudioState> = {
      ...BEHAVIOUR_OPTIONS,
      croppingAspectRatios: [...BEHAVIOUR_OPTIONS.croppingAspectRatios],
      mode: 'inline',
      events: ['kumo-upload-success', ...BEHAVIOUR_EVENTS],
    };
    const configurations = [
      {
        name: 'escaped',
        state: configured,
        // What the server must hold besides the bytes.
        checkStored: (stored: Record<string, unknown>) => {
          assert.sameMembers(stored.tags as string[], ['summer sale', 'say "hi" it\'s {x}']);
          assert.deepEqual((stored.context as { custom?: unknown })?.custom, {
            alt: 'He said "hi" & <left>',
            caption: "it's {new}",
          });
          assert.match(String(stored.public_id), /^studio\/flavours\//);
        },
      },
      {
        name: 'behaviour',
        state: behaviour,
        // The preview (and so each flavour, compared with it) really carries the options.
        previewOptions: BEHAVIOUR_OPTIONS,
      },
    ];
    // Each flavour logs this when its success listener runs.
    const successLog: Record<Flavour, string> = {
      'script-tag': 'success',
      'es-module': 'kumo-upload-success',
      react: 'kumo-upload-success',
      vue: 'kumo-upload-success',
    };

    for (const { name, state, checkStored, previewOptions } of configurations) {
      for (const flavour of FLAVOURS) {
        it(`${flavour}, ${name} options: configures the same widget as the preview and uploads`, async () => {
          const { page, logs } = await newPage();
          await openStudio(page, state);
          const expected = await configurationOf(page, PREVIEW);
          if (previewOptions) assert.deepInclude(JSON.parse(expected).options, previewOptions);
          const code = await generatedCode(page, flavour);

          const app = await flavourApp(flavour, code);
          try {
            const url = await serveFlavour(page, studio.origin, app);
            await page.goto(url);
            await page.waitForFunction(
              (tag) => !!customElements.get(tag) && !!document.querySelector(tag),
              WIDGET,
              { timeout: 20_000 },
            );
            assert.deepEqual(JSON.parse(await configurationOf(page, WIDGET)), JSON.parse(expected));

            const spec = file(`${flavour}.bin`, 20 * KIB);
            await addFiles(page, WIDGET, [spec]);
            await waitUntil(
              () => logs.some((args) => args[0] === successLog[flavour]),
              `${flavour} logs success`,
            );
            const info = logs.find((args) => args[0] === successLog[flavour])?.[1] as Record<string, unknown>;
            const stored = await assertStored(info, spec);
            checkStored?.(stored);
          } finally {
            app.close();
          }
        });
      }
    }
  });

  describe('the studio page', () => {
    it('turns the form into code and an address that restores it', async () => {
      const { page } = await newPage();
      await openStudio(page, {});
      await page.getByLabel('Cloud name').fill('demo');
      await page.getByLabel('Several files at once').check();
      await page.getByLabel('Max files').fill('4');
      await page.getByLabel('Tags', { exact: true }).fill('red bike, "quoted"');
      await page.getByRole('button', { name: 'Move Web address up' }).click();
      await page.getByRole('radio', { name: 'Inline' }).check();
      await page.getByLabel('Language').selectOption('ar');
      await page.locator('summary', { hasText: 'Palette' }).click();
      await page.getByLabel('Action', { exact: true }).fill('#6b21a8');

      const hash = await page.evaluate(() => location.hash.slice(1));
      await waitForPreview(page, hash, WIDGET);
      const options = JSON.parse(await configurationOf(page, PREVIEW));
      assert.strictEqual(options.options.maxFiles, 4);
      assert.deepEqual(options.options.tags, ['red bike', '"quoted"']);
      assert.deepEqual(options.options.sources, ['url', 'local', 'camera']);
      assert.strictEqual(options.options.mode, 'inline');
      assert.strictEqual(options.lang, 'ar');
      assert.deepEqual(options.options.palette, { action: '#6b21a8' });

      const esModule = await generatedCode(page, 'es-module');
      assert.include(esModule, 'max-files="4"');
      assert.include(esModule, 'sources="url local camera"');
      assert.include(esModule, "widget.tags = ['red bike', '\"quoted\"'];");
      const scriptTag = await generatedCode(page, 'script-tag');
      assert.include(scriptTag, "styles: { palette: { action: '#6b21a8' } },");
      assert.include(scriptTag, "language: 'ar',");

      await page.reload();
      await waitForPreview(page, hash, WIDGET);
      assert.strictEqual(await page.getByLabel('Max files').inputValue(), '4');
      assert.strictEqual(await page.getByLabel('Tags', { exact: true }).inputValue(), 'red bike, "quoted"');
      assert.isTrue(await page.getByRole('radio', { name: 'Inline' }).isChecked());
      assert.deepEqual(JSON.parse(await configurationOf(page, PREVIEW)), options);
    });

    it('shows the crop extras with cropping on, and puts them and the upload behaviour in code and address', async () => {
      const { page } = await newPage();
      await openStudio(page, {});
      assert.isFalse(await page.getByLabel('Ratio presets').isVisible());
      await page.getByLabel('Crop images before upload').check();
      await page.getByLabel('Ratio presets').fill('1 4/3 16:9');
      await page.getByRole('radio', { name: 'Crop in the browser' }).check();
      await page.getByLabel('Offer to upload without cropping').check();
      await page.getByLabel('Close after the upload').check();
      await page.getByLabel('Advanced options: public id and tag fields').check();
      await page.getByLabel('Parallel uploads').fill('5');
      await page.getByLabel('Minimize while uploading').check();
      await page.getByLabel('kumo-public-id-changed').check();

      const hash = await page.evaluate(() => location.hash.slice(1));
      await waitForPreview(page, hash, WIDGET);
      const { options } = JSON.parse(await configurationOf(page, PREVIEW));
      assert.deepInclude(options, {
        croppingAspectRatios: [1, 4 / 3, 16 / 9],
        croppingMode: 'apply',
        showSkipCropButton: true,
        singleUploadAutoClose: true,
        showAdvancedOptions: true,
        parallelUploads: 5,
        autoMinimize: true,
      });
      const esModule = await generatedCode(page, 'es-module');
      assert.include(esModule, 'cropping-aspect-ratios="1 4/3 16/9"');
      assert.include(esModule, 'cropping-mode="apply"');
      assert.include(esModule, 'parallel-uploads="5"');
      assert.include(esModule, "addEventListener('kumo-public-id-changed'");
      const scriptTag = await generatedCode(page, 'script-tag');
      assert.include(scriptTag, "if (result.event === 'publicid')");

      // Several files: closing after the upload no longer applies, and the code says nothing of it.
      await page.getByLabel('Several files at once').check();
      assert.isTrue(await page.getByLabel('Close after the upload').isDisabled());
      assert.notInclude(await generatedCode(page, 'es-module'), 'single-upload-auto-close');

      await page.reload();
      await waitForPreview(page, await page.evaluate(() => location.hash.slice(1)), WIDGET);
      assert.strictEqual(await page.getByLabel('Ratio presets').inputValue(), '1 4/3 16/9');
      assert.isTrue(await page.getByRole('radio', { name: 'Crop in the browser' }).isChecked());
      assert.strictEqual(await page.getByLabel('Parallel uploads').inputValue(), '5');
      assert.isTrue(await page.getByLabel('Close after the upload').isChecked());
      await page.getByLabel('Crop images before upload').uncheck();
      assert.isFalse(await page.getByLabel('Ratio presets').isVisible());
      assert.notInclude(await generatedCode(page, 'es-module'), 'cropping');
    });

    it('copies each flavour to the clipboard and says so', async () => {
      const { page } = await newPage();
      await openStudio(page, { tags: ['a'] });
      // The tabs follow the ARIA pattern: arrow keys and Home/End move the selection.
      await page.getByRole('tab', { name: 'Script tag' }).focus();
      await page.keyboard.press('ArrowRight');
      assert.strictEqual(
        await page.getByRole('tab', { name: 'ES module' }).getAttribute('aria-selected'),
        'true',
      );
      assert.isTrue(await page.locator('#panel-es-module').isVisible());
      await page.keyboard.press('End');
      assert.strictEqual(await page.evaluate(() => document.activeElement?.textContent), 'Vue');
      assert.isFalse(await page.locator('#panel-script-tag').isVisible());
      for (const [flavour, label] of [
        ['script-tag', 'Script tag'],
        ['es-module', 'ES module'],
        ['react', 'React'],
        ['vue', 'Vue'],
      ] as const) {
        await page.getByRole('tab', { name: label }).click();
        await page.getByRole('button', { name: `Copy ${label} code` }).click();
        const panel = page.locator(`#panel-${flavour}`);
        await panel.getByText('Copied').waitFor({ state: 'visible' });
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.strictEqual(copied, await page.locator(`code[data-flavour="${flavour}"]`).textContent());
      }
    });

    it('has landmarks, a skip link and no axe violations, in both themes', async () => {
      const { page } = await newPage();
      await openStudio(page, {});
      await page.keyboard.press('Tab');
      assert.strictEqual(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      assert.strictEqual(await page.evaluate(() => document.activeElement?.id), 'main');
      assert.isAbove(
        await page.getByRole('navigation', { name: 'Studio pages' }).getByRole('link').count(),
        2,
      );
      assert.strictEqual(
        await page
          .getByRole('navigation')
          .getByRole('link', { name: 'Upload widget' })
          .getAttribute('aria-current'),
        'page',
      );

      const axeSource = (await import('axe-core')).default.source;
      await page.addScriptTag({ content: axeSource });
      for (const theme of ['light', 'dark']) {
        if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
        assert.strictEqual(
          await page.evaluate(() => document.documentElement.dataset.theme ?? 'light'),
          theme,
        );
        const violations = await page.evaluate(async () => {
          type Results = { violations: { id: string; nodes: { target: unknown }[] }[] };
          const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<Results> } }).axe;
          const results = await axe.run(document);
          return results.violations.map(
            (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
          );
        });
        assert.deepEqual(violations, [], theme);
      }
    });

    it('the home page lists every widget, says which are ready, and links the ready ones', async () => {
      const { page } = await newPage();
      await page.goto(`${studio.origin}/`);
      const upload = page.locator('#widgets li', { hasText: 'Upload widget' });
      assert.strictEqual(
        await upload.getByRole('link', { name: 'Upload widget' }).getAttribute('href'),
        './upload-widget/',
      );
      assert.include(await upload.textContent(), 'ready');
      assert.strictEqual(await page.locator('#widgets li').count(), 5);
      await page.addScriptTag({ content: (await import('axe-core')).default.source });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: unknown) => Promise<{ violations: { id: string }[] }> };
          }
        ).axe;
        return (await axe.run(document)).violations.map((violation) => violation.id);
      });
      assert.deepEqual(violations, []);
    });
  });

  describe('uploads from the preview', () => {
    it('uploads three files, one of them in chunks, and the server holds the same bytes', async () => {
      const { page } = await newPage();
      const chunkRequests: string[] = [];
      page.on('request', (request) => {
        if (isUpload(request) && request.headers()['content-range'])
          chunkRequests.push(request.headers()['content-range'] ?? '');
      });
      await openStudio(page, { multiple: true, maxFiles: 3, chunkSize: 256 * KIB, mode: 'inline' });
      const files = [
        { name: 'pixel.png', mimeType: 'image/png', buffer: PNG },
        file('notes.bin', 40 * KIB),
        file('large.bin', 1536 * KIB),
      ];
      await addFiles(page, PREVIEW, files);
      const infos = await uploaded(page, 3);
      assert.lengthOf(infos, 3);
      for (const spec of files) {
        const info = infos.find((item) => item.original_filename === spec.name.replace(/\.[^.]+$/, ''));
        assert.isDefined(info, `no upload response for ${spec.name}`);
        await assertStored(info as Record<string, unknown>, spec);
      }
      // 1.5 MiB in 256 KiB chunks: six parts, each with its own Content-Range.
      assert.isAtLeast(chunkRequests.length, 6);
      assert.include(chunkRequests, `bytes 0-${256 * KIB - 1}/${1536 * KIB}`);
      assert.isAtLeast(await page.locator('#event-log li[data-event="kumo-upload-success"]').count(), 3);
    });

    it('uploads through an unsigned preset when the page is set to one', async () => {
      const created = await kumo.admin('POST', '/upload_presets', {
        name: 'kumo-studio',
        unsigned: true,
        folder: 'from-preset',
      });
      assert.strictEqual(created.status, 200, JSON.stringify(created.body));
      const { page } = await newPage();
      const signing: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) signing.push(request.url());
      });
      await openStudio(page, { auth: 'preset', uploadPreset: 'kumo-studio', mode: 'inline' });
      const spec = file('preset.bin', 8 * KIB);
      await addFiles(page, PREVIEW, [spec]);
      const [info] = await uploaded(page, 1);
      const stored = await assertStored(info as Record<string, unknown>, spec);
      assert.match(String(stored.public_id), /^from-preset\//);
      assert.deepEqual(signing, []);
    });

    it('a chunked upload pauses while the server is down and completes when it is back', async () => {
      const { page } = await newPage();
      let acknowledged = 0;
      let failedWhileDown = 0;
      page.on('requestfinished', async (request) => {
        if (!isUpload(request)) return;
        const status = (await request.response())?.status() ?? 0;
        if (status === 200) acknowledged += 1;
        else if (status >= 500) failedWhileDown += 1;
      });
      page.on('requestfailed', (request) => {
        if (isUpload(request)) failedWhileDown += 1;
      });
      // Slow chunks down so the server can be stopped in the middle of the file.
      await page.route('**/v1_1/*/*/upload', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await route.continue().catch(() => {});
      });
      await openStudio(page, { chunkSize: 256 * KIB, mode: 'inline' });
      const spec = file('interrupted.bin', 2048 * KIB);
      await addFiles(page, PREVIEW, [spec]);

      await waitUntil(() => acknowledged >= 2, 'two chunks acknowledged');
      await kumo.stop();
      await waitUntil(() => failedWhileDown > 0, 'a chunk fails while the server is down');
      await page.waitForTimeout(1000);
      await kumo.resume();

      const [info] = await uploaded(page, 1, 40_000);
      await assertStored(info as Record<string, unknown>, spec);
    });

    it('a chunked upload resumes after the page reloads, from the browser’s recovery store', async () => {
      const { page } = await newPage();
      let acknowledged = 0;
      const ranges: string[] = [];
      page.on('requestfinished', async (request) => {
        if (!isUpload(request)) return;
        ranges.push(request.headers()['content-range'] ?? '');
        if ((await request.response())?.status() === 200) acknowledged += 1;
      });
      await page.route('**/v1_1/*/*/upload', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await route.continue().catch(() => {});
      });
      const hash = await openStudio(page, {
        chunkSize: 256 * KIB,
        mode: 'inline',
        recoveryKey: 'studio-e2e',
      });
      const spec = file('reloaded.bin', 2048 * KIB);
      await addFiles(page, PREVIEW, [spec]);
      await waitUntil(() => acknowledged >= 3, 'three chunks acknowledged');

      await page.reload();
      await waitForPreview(page, hash, WIDGET);
      const [info] = await uploaded(page, 1, 40_000);
      await assertStored(info as Record<string, unknown>, spec);
      // Resumed, not restarted: the first chunk went up once (a retried in-flight chunk is fine).
      assert.strictEqual(ranges.filter((range) => range.startsWith('bytes 0-')).length, 1);
      assert.isAtLeast(await page.locator('#event-log li[data-event="kumo-upload-restored"]').count(), 1);
    });

    it('refuses an oversized file and a wrong format with a visible message; the server sees neither', async () => {
      const { page } = await newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/v1_1/') || path.startsWith('/api/'))
          requests.push(`${request.method()} ${path}`);
      });
      const before = (await kumo.assets()).length;
      await openStudio(page, {
        multiple: true,
        maxFileSize: 100 * KIB,
        clientAllowedFormats: ['png', 'bin'],
        mode: 'inline',
      });
      await addFiles(page, PREVIEW, [file('huge.bin', 300 * KIB), file('notes.txt', 2 * KIB, 'text/plain')]);
      const notices = page.locator(`${PREVIEW} [part="notices"] li`);
      await notices.nth(1).waitFor({ state: 'visible' });
      const text = (await notices.allTextContents()).join('\n');
      assert.include(text, 'huge.bin');
      assert.include(text, 'notes.txt');
      await page.waitForTimeout(500);
      assert.deepEqual(requests, []);
      assert.strictEqual((await kumo.assets()).length, before);
      assert.isAtLeast(await page.locator('#event-log li[data-event="kumo-upload-rejected"]').count(), 1);
    });

    for (const [problem, answer] of [
      [
        'a wrong signature',
        (params: Record<string, string | number>) => ({
          signature: '0'.repeat(40),
          api_key: TEST_KEY,
          timestamp: params.timestamp,
        }),
      ],
      [
        'an expired signature',
        (params: Record<string, string | number>) => {
          const timestamp = Math.floor(Date.now() / 1000) - 2 * 3600;
          return { signature: signIndependently({ ...params, timestamp }), api_key: TEST_KEY, timestamp };
        },
      ],
    ] as const) {
      it(`shows the person the server's refusal of ${problem}`, async () => {
        const { page } = await newPage();
        const signatureUrl = `${studio.origin}/__signing/${problem.replace(/\W+/g, '-')}`;
        await page.route(signatureUrl, async (route) => {
          const body = JSON.parse(route.request().postData() ?? '{}') as {
            params_to_sign?: Record<string, string | number>;
          };
          await route.fulfill({ status: 200, json: answer(body.params_to_sign ?? {}) });
        });
        await openStudio(page, { signatureUrl, mode: 'inline' });
        await addFiles(page, PREVIEW, [file('refused.bin', 4 * KIB)]);
        const message = page.locator(`${PREVIEW} [part="error"]`).first();
        await message.waitFor({ state: 'visible', timeout: 20_000 });
        assert.isNotEmpty((await message.textContent())?.trim());
        assert.isAtLeast(await page.locator('#event-log li[data-event="kumo-upload-error"]').count(), 1);
        assert.lengthOf(
          await page.$eval(PREVIEW, (element) => (element as unknown as { uploaded: unknown[] }).uploaded),
          0,
        );
      });
    }
  });
});
