import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { resetDevWarnings } from '../dev/warn.js';
import en from '../locales/en.js';
import { uiStrings } from '../locales/strings.js';
import { isTranslationLoaded, loadTranslation } from '../localize/strings.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { captureWarnings, cleanupFixtures, fixture, waitUntil } from '../testing/fixture.js';
import './define.js';
import type { KumoProgress } from './progress.js';

const bar = (progress: KumoProgress) =>
  progress.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]')!;
const indicator = (progress: KumoProgress) =>
  progress.shadowRoot!.querySelector<HTMLElement>('[part="indicator"]')!;

describe('<kumo-progress>', () => {
  afterEach(cleanupFixtures);

  describe('defaults', () => {
    it('is an empty, determinate progress bar out of 100', async () => {
      const progress = await fixture<KumoProgress>(html`<kumo-progress></kumo-progress>`);
      const role = bar(progress);
      assert.strictEqual(role.getAttribute('aria-valuemin'), '0');
      assert.strictEqual(role.getAttribute('aria-valuemax'), '100');
      assert.strictEqual(role.getAttribute('aria-valuenow'), '0');
      assert.strictEqual(role.getAttribute('aria-valuetext'), '0%');
      assert.strictEqual(role.getAttribute('aria-label'), en.progress);
      assert.strictEqual(indicator(progress).getBoundingClientRect().width, 0);
      assert.strictEqual(progress.getAttribute('state'), 'active');
    });
  });

  describe('attributes and properties', () => {
    it('shows value of max as a localized percentage', async () => {
      const progress = await fixture<KumoProgress>(
        html`<kumo-progress value="3" max="4" label="Uploading"></kumo-progress>`,
      );
      const role = bar(progress);
      assert.strictEqual(role.getAttribute('aria-valuenow'), '3');
      assert.strictEqual(role.getAttribute('aria-valuemax'), '4');
      assert.strictEqual(role.getAttribute('aria-valuetext'), '75%');
      assert.strictEqual(role.getAttribute('aria-label'), 'Uploading');
      assert.strictEqual(progress.fraction, 0.75);
      const track = role.getBoundingClientRect().width;
      assert.closeTo(indicator(progress).getBoundingClientRect().width, track * 0.75, 0.5);
    });

    it('speaks value-text instead of the percentage', async () => {
      const progress = await fixture<KumoProgress>(
        html`<kumo-progress value="2" max="5" value-text="2 of 5 files"></kumo-progress>`,
      );
      assert.strictEqual(bar(progress).getAttribute('aria-valuetext'), '2 of 5 files');
    });

    it('updates when value changes', async () => {
      const progress = await fixture<KumoProgress>(html`<kumo-progress></kumo-progress>`);
      progress.value = 50;
      await progress.updateComplete;
      assert.strictEqual(bar(progress).getAttribute('aria-valuenow'), '50');
      assert.strictEqual(bar(progress).getAttribute('aria-valuetext'), '50%');
    });
  });

  describe('states', () => {
    it('announces no value while indeterminate', async () => {
      const progress = await fixture<KumoProgress>(html`<kumo-progress indeterminate></kumo-progress>`);
      const role = bar(progress);
      assert.isFalse(role.hasAttribute('aria-valuenow'));
      assert.isFalse(role.hasAttribute('aria-valuemax'));
      assert.strictEqual(role.getAttribute('aria-valuetext'), en.loading);
      assert.notStrictEqual(getComputedStyle(indicator(progress)).animationName, 'none');
    });

    it('colours the bar by state', async () => {
      const progress = await fixture<KumoProgress>(
        html`<kumo-progress value="100" state="error"></kumo-progress>`,
      );
      const danger = getComputedStyle(progress).getPropertyValue('--kumo-color-danger').trim();
      const probe = document.createElement('span');
      probe.style.color = danger;
      document.body.append(probe);
      assert.strictEqual(
        getComputedStyle(indicator(progress)).backgroundColor,
        getComputedStyle(probe).color,
      );
      probe.remove();
    });

    it('fills from the right in Arabic, with Arabic wording loaded lazily', async () => {
      assert.isFalse(isTranslationLoaded(uiStrings, 'ar'));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en" style="inline-size: 200px"><kumo-progress value="25"></kumo-progress></div>`,
      );
      const progress = wrapper.querySelector('kumo-progress')!;
      const edges = () => ({
        track: bar(progress).getBoundingClientRect(),
        fill: indicator(progress).getBoundingClientRect(),
      });
      let { track, fill } = edges();
      assert.closeTo(fill.left, track.left, 0.5);

      wrapper.setAttribute('lang', 'ar');
      await loadTranslation(uiStrings, 'ar');
      await waitUntil(() => bar(progress).getAttribute('aria-label') === 'التقدّم', 'Arabic label');
      ({ track, fill } = edges());
      assert.closeTo(fill.right, track.right, 0.5);
      assert.closeTo(fill.width, track.width / 4, 0.5);
    });

    it('formats the percentage for the language', async () => {
      const progress = await fixture<KumoProgress>(
        html`<kumo-progress lang="fr" value="42"></kumo-progress>`,
      );
      assert.match(bar(progress).getAttribute('aria-valuetext')!, /^42[\s\u00a0\u202f]%$/);
    });
  });

  describe('errors', () => {
    it('clamps an out-of-range value and warns in development', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const progress = await fixture<KumoProgress>(html`<kumo-progress value="150"></kumo-progress>`);
        assert.strictEqual(bar(progress).getAttribute('aria-valuenow'), '100');
        assert.isTrue(capture.messages.some((message) => message.includes('progress-value-out-of-range')));
        progress.max = 0;
        await progress.updateComplete;
        assert.isTrue(capture.messages.some((message) => message.includes('progress-invalid-max')));
        assert.strictEqual(bar(progress).getAttribute('aria-valuemax'), '100');
      } finally {
        capture.restore();
      }
    });

    it('does not warn about values in range', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        await fixture<KumoProgress>(html`<kumo-progress value="10" max="20"></kumo-progress>`);
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });
  });

  describe('accessibility', () => {
    it('passes axe, determinate and indeterminate', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><kumo-progress value="30" label="Uploading cat.jpg"></kumo-progress><kumo-progress indeterminate></kumo-progress></div>`,
      );
      await expectNoAxeViolations(wrapper);
    });
  });
});
