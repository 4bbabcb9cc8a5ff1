import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { expectNoAxeViolations } from './axe.js';
import { cleanupFixtures, fixture } from './fixture.js';

describe('expectNoAxeViolations', () => {
  afterEach(cleanupFixtures);

  it('passes accessible markup', async () => {
    const element = await fixture(html`<div><button type="button">Save</button></div>`);
    await expectNoAxeViolations(element);
  });

  it('fails on a violation, naming the rule', async () => {
    const element = await fixture(html`<div><div role="progressbar" aria-valuenow="5"></div></div>`);
    try {
      await expectNoAxeViolations(element);
    } catch (error) {
      assert.include(String(error), 'aria-progressbar-name');
      return;
    }
    assert.fail('an unnamed progressbar should be reported');
  });

  it('looks inside shadow roots', async () => {
    const element = await fixture(html`<div></div>`);
    element.attachShadow({ mode: 'open' }).innerHTML = '<button type="button"></button>';
    try {
      await expectNoAxeViolations(element);
    } catch (error) {
      assert.include(String(error), 'button-name');
      return;
    }
    assert.fail('an unnamed button in a shadow root should be reported');
  });
});
