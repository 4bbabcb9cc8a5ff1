import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html } from 'lit';
import { resetDevWarnings } from '../dev/warn.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import { captureWarnings, cleanupFixtures, fixture } from '../testing/fixture.js';
import './define.js';
import type { KumoIcon } from './icon.js';
import { ICON_NAMES } from './icon.types.js';

const svgOf = (icon: KumoIcon) => icon.shadowRoot!.querySelector('svg');

describe('<kumo-icon>', () => {
  afterEach(cleanupFixtures);

  describe('defaults', () => {
    it('draws nothing without a name', async () => {
      const icon = await fixture<KumoIcon>(html`<kumo-icon></kumo-icon>`);
      assert.isNull(svgOf(icon));
    });

    it('is decorative, hidden from assistive technology', async () => {
      const icon = await fixture<KumoIcon>(html`<kumo-icon name="upload"></kumo-icon>`);
      const svg = svgOf(icon)!;
      assert.strictEqual(svg.getAttribute('aria-hidden'), 'true');
      assert.isFalse(svg.hasAttribute('role'));
      assert.strictEqual(svg.getAttribute('focusable'), 'false');
    });
  });

  describe('attributes and properties', () => {
    it('draws every built-in icon with some shape', async () => {
      for (const name of ICON_NAMES) {
        const icon = await fixture<KumoIcon>(html`<kumo-icon name=${name}></kumo-icon>`);
        const svg = svgOf(icon);
        assert.isNotNull(svg, name);
        assert.isAbove(svg!.querySelectorAll('path, circle, rect').length, 0, name);
        const box = svg!.getBoundingClientRect();
        assert.isAbove(box.width, 0, name);
      }
    });

    it('is an image with a name when labelled', async () => {
      const icon = await fixture<KumoIcon>(html`<kumo-icon name="error" label="Upload failed"></kumo-icon>`);
      const svg = svgOf(icon)!;
      assert.strictEqual(svg.getAttribute('role'), 'img');
      assert.strictEqual(svg.getAttribute('aria-label'), 'Upload failed');
      assert.isFalse(svg.hasAttribute('aria-hidden'));
    });

    it('changes drawing when the name changes', async () => {
      const icon = await fixture<KumoIcon>(html`<kumo-icon name="play"></kumo-icon>`);
      const before = svgOf(icon)!.innerHTML;
      icon.name = 'pause';
      await icon.updateComplete;
      assert.notStrictEqual(svgOf(icon)!.innerHTML, before);
      assert.strictEqual(icon.getAttribute('name'), 'pause');
    });

    it('takes its size from --kumo-icon-size', async () => {
      const icon = await fixture<KumoIcon>(
        html`<kumo-icon name="check" style="--kumo-icon-size: 40px"></kumo-icon>`,
      );
      assert.strictEqual(svgOf(icon)!.getBoundingClientRect().width, 40);
    });
  });

  describe('states', () => {
    it('mirrors direction-bound icons right to left, and only those', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><kumo-icon name="chevron-end"></kumo-icon><kumo-icon name="upload"></kumo-icon></div>`,
      );
      const [chevron, upload] = Array.from(wrapper.querySelectorAll('kumo-icon')) as KumoIcon[];
      await chevron!.updateComplete;
      await upload!.updateComplete;
      assert.strictEqual(getComputedStyle(svgOf(chevron!)!).transform, 'matrix(-1, 0, 0, 1, 0, 0)');
      assert.strictEqual(getComputedStyle(svgOf(upload!)!).transform, 'none');
      wrapper.setAttribute('dir', 'ltr');
      await Promise.resolve();
      await chevron!.updateComplete;
      assert.strictEqual(getComputedStyle(svgOf(chevron!)!).transform, 'none');
    });
  });

  describe('errors', () => {
    it('warns in development about an unknown name and draws nothing', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const icon = await fixture<KumoIcon>(html`<kumo-icon name="unicorn"></kumo-icon>`);
        assert.isNull(svgOf(icon));
        assert.isTrue(
          capture.messages.some((message) => message.includes('unknown-icon') && message.includes('unicorn')),
        );
      } finally {
        capture.restore();
      }
    });

    it('does not warn about a known name', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        await fixture<KumoIcon>(html`<kumo-icon name="camera"></kumo-icon>`);
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });
  });

  describe('accessibility', () => {
    it('passes axe, decorative and labelled', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><kumo-icon name="folder"></kumo-icon><kumo-icon name="link" label="Link"></kumo-icon></div>`,
      );
      await expectNoAxeViolations(wrapper);
    });
  });
});
