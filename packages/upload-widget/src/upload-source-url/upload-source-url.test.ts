import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, deepActiveElement, fixture, sleep } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import { uploadStrings } from '../locales/strings.js';
import { expectAccessible, nextEvent } from '../testing/widget-fixtures.js';
import type { KumoUploadUrlSubmitEvent } from './upload-source-url.events.js';
import { isFetchableUrl, type KumoUploadSourceUrl } from './upload-source-url.js';

const field = (source: KumoUploadSourceUrl) => source.shadowRoot!.querySelector('input')!;

async function submit(source: KumoUploadSourceUrl, text: string): Promise<void> {
  field(source).value = text;
  source.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await source.updateComplete;
}

describe('<kumo-upload-source-url>', () => {
  afterEach(cleanupFixtures);

  it('accepts http and https addresses only', () => {
    assert.isTrue(isFetchableUrl('https://example.com/a.jpg'));
    assert.isTrue(isFetchableUrl('http://127.0.0.1:3000/x'));
    assert.isFalse(isFetchableUrl('example.com/a.jpg'));
    assert.isFalse(isFetchableUrl('javascript:alert(1)'));
    assert.isFalse(isFetchableUrl(''));
  });

  it('has a labelled URL field', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    const label = source.shadowRoot!.querySelector('label')!;
    assert.strictEqual(label.htmlFor, field(source).id);
    assert.strictEqual(field(source).type, 'url');
  });

  it('submits a valid address and empties the field', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    const submitted = nextEvent<KumoUploadUrlSubmitEvent>(source, 'kumo-upload-url-submit');
    await submit(source, '  https://example.com/cat.jpg ');
    assert.strictEqual((await submitted).detail.url, 'https://example.com/cat.jpg');
    assert.strictEqual(field(source).value, '');
  });

  it('explains an invalid address in the page’s language and submits nothing', async () => {
    await loadTranslation(uploadStrings, 'fr');
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url lang="fr"></kumo-upload-source-url>`,
    );
    let submitted = 0;
    source.addEventListener('kumo-upload-url-submit', () => {
      submitted += 1;
    });
    await submit(source, 'not a url');
    await sleep(10);
    assert.strictEqual(submitted, 0);
    assert.strictEqual(field(source).getAttribute('aria-invalid'), 'true');
    assert.strictEqual(
      source.shadowRoot!.querySelector('#error')!.textContent,
      'Saisissez une adresse web complète commençant par http:// ou https://.',
    );
    assert.include(field(source).getAttribute('aria-describedby')!, 'error');
    assert.strictEqual(deepActiveElement(), field(source));
    await expectAccessible(source);
  });

  it('has no axe violations', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    await expectAccessible(source);
  });
});
