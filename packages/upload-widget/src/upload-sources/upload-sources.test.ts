import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, deepActiveElement, fixture, waitUntil } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import { expectAccessible, nextEvent } from '../testing/widget-fixtures.js';
import type { KumoUploadSourceChangedEvent } from '../upload-widget/upload-widget.events.js';
import type { KumoUploadSources } from './upload-sources.js';

const tabs = (sources: KumoUploadSources) => [
  ...sources.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]'),
];
const panel = (sources: KumoUploadSources) => sources.shadowRoot!.querySelector('[part="panel"]')!;

describe('<kumo-upload-sources>', () => {
  afterEach(cleanupFixtures);

  it('shows a tablist of every source, the first selected, over its panel', async () => {
    const sources = await fixture<KumoUploadSources>(html`<kumo-upload-sources></kumo-upload-sources>`);
    assert.deepEqual(
      tabs(sources).map((tab) => tab.textContent!.trim()),
      ['My files', 'Web address', 'Camera'],
    );
    assert.deepEqual(
      tabs(sources).map((tab) => tab.tabIndex),
      [0, -1, -1],
    );
    assert.strictEqual(panel(sources).getAttribute('role'), 'tabpanel');
    assert.strictEqual(panel(sources).getAttribute('aria-labelledby'), 'tab-local');
    assert.exists(panel(sources).querySelector('kumo-upload-source-local'));
  });

  it('leaves the tabs out when there is one source', async () => {
    const sources = await fixture<KumoUploadSources>(
      html`<kumo-upload-sources .sources=${['url']}></kumo-upload-sources>`,
    );
    assert.lengthOf(tabs(sources), 0);
    assert.isNull(panel(sources).getAttribute('role'));
    assert.exists(panel(sources).querySelector('kumo-upload-source-url'));
  });

  it('reports a click on another tab', async () => {
    const sources = await fixture<KumoUploadSources>(html`<kumo-upload-sources></kumo-upload-sources>`);
    const changed = nextEvent<KumoUploadSourceChangedEvent>(sources, 'kumo-source-changed');
    tabs(sources)[1]!.click();
    const event = await changed;
    assert.strictEqual(event.detail.source, 'url');
    assert.isTrue(event.bubbles && event.composed);
    await sources.updateComplete;
    assert.exists(panel(sources).querySelector('kumo-upload-source-url'));
  });

  it('follows the arrow keys the other way round right to left', async () => {
    const sources = await fixture<KumoUploadSources>(
      html`<kumo-upload-sources dir="rtl"></kumo-upload-sources>`,
    );
    tabs(sources)[0]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => deepActiveElement() === tabs(sources)[1], 'the next tab, to the left');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => deepActiveElement() === tabs(sources)[0], 'back to the first tab');
    await sendKeys({ press: 'Home' });
    assert.strictEqual(sources.active, 'local');
  });

  it('has no axe violations', async () => {
    const sources = await fixture<KumoUploadSources>(html`<kumo-upload-sources></kumo-upload-sources>`);
    await expectAccessible(sources);
  });
});
