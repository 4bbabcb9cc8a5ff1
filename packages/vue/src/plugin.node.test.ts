// The plugin with Vue's full build (templates compiled at run time, as in Node here) and during
// server rendering: Kumo tags stay custom elements, nothing browser-only runs.
import { describe, it } from 'node:test';
import { assert } from 'chai';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { defineKumoElements, KumoVue } from './index.js';

const TEMPLATE = '<kumo-upload-widget mode="inline" :max-files="3" @kumo-upload-success="done" />';

/** Renders TEMPLATE on the server; returns the HTML and Vue's development warnings. */
async function render(setup: (app: ReturnType<typeof createSSRApp>) => void) {
  const warnings: string[] = [];
  const app = createSSRApp({ template: TEMPLATE, methods: { done: () => undefined } });
  app.config.warnHandler = (message) => warnings.push(message);
  setup(app);
  return { html: await renderToString(app), warnings };
}

describe('KumoVue plugin', () => {
  it('leaves kumo- tags to the browser when templates compile at run time', async () => {
    const { html, warnings } = await render((app) => app.use(KumoVue));
    assert.strictEqual(html, '<kumo-upload-widget mode="inline" max-files="3"></kumo-upload-widget>');
    assert.deepEqual(warnings, []);
  });

  it('without it, Vue tries to resolve the tag as a component and warns', async () => {
    const { warnings } = await render(() => undefined);
    assert.isTrue(
      warnings.some((warning) => warning.includes('Failed to resolve component: kumo-upload-widget')),
    );
  });

  it("keeps an app's own isCustomElement check", async () => {
    const { warnings } = await render((app) => {
      app.config.compilerOptions.isCustomElement = (tag) => tag === 'my-element';
      app.use(KumoVue);
    });
    assert.deepEqual(warnings, []);
    const app = createSSRApp({});
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'my-element';
    app.use(KumoVue);
    const isCustomElement = app.config.compilerOptions.isCustomElement;
    assert.isTrue(isCustomElement?.('my-element'));
    assert.isTrue(isCustomElement?.('kumo-video-player'));
    assert.isFalse(isCustomElement?.('div'));
  });

  it('registers nothing on the server, where there is no DOM', async () => {
    await defineKumoElements(['kumo-upload-widget', 'kumo-video-player']);
    const { html } = await render((app) => app.use(KumoVue, { elements: ['kumo-upload-widget'] }));
    assert.include(html, '<kumo-upload-widget');
    assert.isUndefined((globalThis as Record<string, unknown>).customElements);
    // The element packages (and Lit) were never evaluated.
    assert.isUndefined((globalThis as Record<string, unknown>).litElementVersions);
  });
});
