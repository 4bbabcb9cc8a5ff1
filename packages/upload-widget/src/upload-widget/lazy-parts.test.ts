import { describe, it } from 'node:test';
import { resetDevWarnings } from '@kumo/ui';
import { captureWarnings } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import '../upload-advanced/define.js';
import { LazyPartsController, loadOnce } from './lazy-parts.js';

/** A stand-in element that counts the updates it is asked for. */
function host() {
  const element = {
    updates: 0,
    addController(_controller: ReactiveController) {},
    removeController(_controller: ReactiveController) {},
    requestUpdate() {
      element.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return element satisfies ReactiveControllerHost & { updates: number };
}

/** A load that resolves or fails when the test says so, counting how often it starts. */
function controlledLoad<T>() {
  let settle: { resolve: (value: T) => void; reject: (error: Error) => void } | undefined;
  const load = Object.assign(
    () =>
      new Promise<T>((resolve, reject) => {
        load.starts += 1;
        settle = { resolve, reject };
      }),
    { starts: 0 },
  );
  return {
    load,
    resolve: (value: T) => settle!.resolve(value),
    reject: (error: Error) => settle!.reject(error),
  };
}

describe('LazyPartsController', () => {
  it('loads a module the first time it is used, busy until then, and re-renders when it arrives', async () => {
    const element = host();
    const parts = new LazyPartsController(element);
    const { load, resolve } = controlledLoad<{ answer: number }>();
    assert.isUndefined(parts.use(load));
    assert.isUndefined(parts.use(load), 'asked twice, loaded once');
    assert.isTrue(parts.busy);
    assert.strictEqual(load.starts, 1);
    resolve({ answer: 42 });
    await parts.settled;
    assert.isFalse(parts.busy);
    assert.isAtLeast(element.updates, 1);
    assert.deepEqual(parts.use(load), { answer: 42 });
    assert.deepEqual(await loadOnce(load), { answer: 42 });
    assert.strictEqual(load.starts, 1);
  });

  it('reports a failed load in development and does not ask again, while another element may', async () => {
    resetDevWarnings();
    const parts = new LazyPartsController(host());
    const { load, reject } = controlledLoad<unknown>();
    const warnings = captureWarnings();
    try {
      parts.use(load);
      reject(new Error('offline'));
      await parts.settled;
    } finally {
      warnings.restore();
    }
    assert.match(warnings.messages.join('\n'), /upload-widget-load-failed.*offline/);
    assert.isUndefined(parts.use(load));
    assert.isFalse(parts.busy, 'not asked for again');
    assert.strictEqual(load.starts, 1);
    new LazyPartsController(host()).use(load);
    assert.strictEqual(load.starts, 2, 'a later element tries again');
  });

  it('lets updateComplete wait for what is loading and the update it brings', async () => {
    const parts = new LazyPartsController(host());
    const { load, resolve } = controlledLoad<string>();
    parts.use(load);
    let updates = 0;
    const settled = parts.settle(async () => {
      updates += 1;
      return true;
    });
    resolve('done');
    assert.isTrue(await settled);
    assert.strictEqual(updates, 2, 'once before the load arrived, once after');
    assert.strictEqual(parts.use(load), 'done');
  });

  it('adds the styles of loaded views to the element’s own, once', async () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const parts = new LazyPartsController(host());
    const { load, resolve } = controlledLoad<{ styles: ReturnType<typeof css> }>();
    const own = [css`p { color: red; }`];
    assert.isUndefined(parts.useViews(load, root, own));
    resolve({ styles: css`.queue { color: blue; }` });
    await parts.settled;
    assert.exists(parts.useViews(load, root, own));
    parts.useViews(load, root, own);
    assert.deepEqual(
      root.adoptedStyleSheets.map((sheet) => sheet.cssRules[0]!.cssText),
      ['p { color: red; }', '.queue { color: blue; }'],
    );
  });

  it('registers a part the first time it is needed', async () => {
    const parts = new LazyPartsController(host());
    assert.isTrue(parts.need('kumo-upload-advanced'), 'already registered');
    assert.isFalse(parts.busy);
    // Nothing in this file registers the uploaded-files part (each test file has a page of its own).
    assert.isUndefined(customElements.get('kumo-upload-completed'));
    assert.isFalse(parts.need('kumo-upload-completed'));
    assert.isTrue(parts.busy);
    await parts.settled;
    assert.exists(customElements.get('kumo-upload-completed'));
    assert.isTrue(parts.need('kumo-upload-completed'));
  });
});
