import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import { expectAccessible, nextEvent } from '../testing/widget-fixtures.js';
import type { KumoUploadAdvancedChangeEvent } from './upload-advanced.events.js';
import type { KumoUploadAdvanced } from './upload-advanced.js';

describe('<kumo-upload-advanced>', () => {
  afterEach(cleanupFixtures);

  it('is a closed disclosure', async () => {
    const advanced = await fixture<KumoUploadAdvanced>(html`<kumo-upload-advanced></kumo-upload-advanced>`);
    const details = advanced.shadowRoot!.querySelector('details')!;
    assert.isFalse(details.open);
    assert.strictEqual(details.querySelector('summary')!.textContent, 'Advanced options');
  });

  it('reports the public id and comma-separated tags typed', async () => {
    const advanced = await fixture<KumoUploadAdvanced>(
      html`<kumo-upload-advanced open></kumo-upload-advanced>`,
    );
    const publicId = advanced.shadowRoot!.querySelector<HTMLInputElement>('#public-id')!;
    const tags = advanced.shadowRoot!.querySelector<HTMLInputElement>('#tags')!;
    tags.value = 'summer trip, beach,';
    tags.dispatchEvent(new Event('change'));
    const changed = nextEvent<KumoUploadAdvancedChangeEvent>(advanced, 'kumo-upload-advanced-change');
    publicId.value = ' holidays/day-1 ';
    publicId.dispatchEvent(new Event('input'));
    const { detail } = await changed;
    assert.strictEqual(detail.publicId, 'holidays/day-1');
    assert.deepEqual(detail.tags, ['summer trip', 'beach']);
  });

  it('has no axe violations open', async () => {
    const advanced = await fixture<KumoUploadAdvanced>(
      html`<kumo-upload-advanced open></kumo-upload-advanced>`,
    );
    await expectAccessible(advanced);
  });
});
