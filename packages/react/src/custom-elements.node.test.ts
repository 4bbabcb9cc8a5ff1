// The Custom Elements Manifests (scripts/custom-elements.mjs) carry what the elements' JSDoc and
// `static properties` say, and the React and Vue files generated from them are up to date.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import { repoRoot } from './testing/app-harness.js';

interface Named {
  readonly name: string;
  readonly description?: string;
}
interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly summary?: string;
  readonly attributes?: readonly (Named & { readonly fieldName?: string })[];
  readonly members?: readonly (Named & {
    readonly kind: string;
    readonly attribute?: string;
    readonly readonly?: boolean;
    readonly privacy?: string;
    readonly type?: { readonly text: string };
  })[];
  readonly events?: readonly (Named & { readonly type?: { readonly text: string } })[];
  readonly slots?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}
interface Manifest {
  readonly modules: readonly {
    readonly path: string;
    readonly declarations?: readonly Declaration[];
    readonly exports?: readonly {
      kind: string;
      name: string;
      declaration: { name: string; module?: string };
    }[];
  }[];
}

const manifest = (pkg: string): Manifest =>
  JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'custom-elements.json'), 'utf8'));

function element(pkg: string, tagName: string): Declaration {
  const found = manifest(pkg)
    .modules.flatMap((mod) => mod.declarations ?? [])
    .find((declaration) => declaration.tagName === tagName);
  if (!found) throw new Error(`${tagName} is not in packages/${pkg}/custom-elements.json`);
  return found;
}

const names = (items: readonly Named[] | undefined) => (items ?? []).map((item) => item.name);

function run(script: string) {
  const result = spawnSync(process.execPath, [script, '--check'], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('custom-elements.json', () => {
  it('is up to date with the element sources', () => {
    const { status, output } = run('scripts/custom-elements.mjs');
    assert.strictEqual(status, 0, output);
  });

  it('has the tag, summary, slots, parts and CSS properties of the JSDoc header', () => {
    const dialog = element('ui', 'kumo-dialog');
    assert.strictEqual(dialog.name, 'KumoDialog');
    assert.match(dialog.summary ?? '', /^A modal dialog shell/);
    assert.deepEqual(names(dialog.slots), ['', 'heading', 'footer']);
    assert.deepEqual(names(dialog.cssParts), [
      'dialog',
      'panel',
      'header',
      'heading',
      'close-button',
      'body',
      'footer',
    ]);
    assert.deepEqual(names(dialog.cssProperties), [
      '--kumo-dialog-width',
      '--kumo-dialog-max-height',
      '--kumo-dialog-backdrop',
    ]);
  });

  it('has the attributes Lit observes: kebab-case names, none for internal state', () => {
    const dialog = element('ui', 'kumo-dialog');
    assert.deepEqual(names(dialog.attributes), [
      'open',
      'label',
      'no-close-button',
      'close-on-backdrop',
      'theme',
    ]);
    const field = (name: string) => dialog.members?.find((member) => member.name === name);
    assert.strictEqual(field('noCloseButton')?.attribute, 'no-close-button');
    assert.strictEqual(field('noCloseButton')?.type?.text, 'boolean');
    assert.match(field('noCloseButton')?.description ?? '', /close button/);
    // `state: true`: no attribute; the public one (inherited from KumoElement) is read-only.
    assert.isUndefined(field('hasHeading')?.attribute);
    assert.isUndefined(field('resolvedLang')?.attribute);
    assert.isTrue(field('resolvedLang')?.readonly);
  });

  it('follows properties spread into `static properties` from another module', () => {
    const player = element('video-player', 'kumo-video-player');
    const attributes = names(player.attributes);
    for (const name of ['api-base', 'cloud-name', 'public-id', 'no-seek-thumbnails', 'playback-rates']) {
      assert.include(attributes, name);
    }
    // Property-only options (`attribute: false`) and internal state have no attribute.
    assert.notInclude(attributes, 'textTracks');
    assert.notInclude(attributes, 'texttracks');
    assert.notInclude(attributes, 'state');
  });

  it('names each event as the JSDoc does and types it with its event class', () => {
    const dialog = element('ui', 'kumo-dialog');
    assert.deepEqual(
      (dialog.events ?? []).map((event) => [event.name, event.type?.text]),
      [
        ['kumo-dialog-open', 'KumoDialogOpenEvent'],
        ['kumo-dialog-request-close', 'KumoDialogRequestCloseEvent'],
        ['kumo-dialog-close', 'KumoDialogCloseEvent'],
      ],
    );
    const widget = element('upload-widget', 'kumo-upload-widget');
    const success = widget.events?.find((event) => event.name === 'kumo-upload-success');
    assert.strictEqual(success?.type?.text, 'KumoUploadSuccessEvent');
    assert.isNotEmpty(success?.description);
    assert.isTrue((widget.events ?? []).every((event) => event.name.startsWith('kumo-') && event.type));
  });

  it('records defineElement() calls as custom element definitions', () => {
    const define = manifest('ui').modules.find((mod) => mod.path === 'src/dialog/define.ts');
    assert.deepInclude(define?.exports ?? [], {
      kind: 'custom-element-definition',
      name: 'kumo-dialog',
      declaration: { name: 'KumoDialog', module: 'src/dialog/dialog.ts' },
    });
  });
});

describe('generated framework files', () => {
  it('@kumo/react src/generated is up to date with the manifests', () => {
    const { status, output } = run('packages/react/scripts/generate.mjs');
    assert.strictEqual(status, 0, output);
  });

  it('@kumo/vue src/generated is up to date with the manifests', () => {
    const { status, output } = run('packages/vue/scripts/generate.mjs');
    assert.strictEqual(status, 0, output);
  });
});
