import { afterEach, describe, it } from 'node:test';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import { announce, announcerRegion, flushAnnouncements } from '../announcer/announcer.js';
import { resetDevWarnings } from '../dev/warn.js';
import en from '../locales/en.js';
import { uiStrings } from '../locales/strings.js';
import { loadTranslation } from '../localize/strings.js';
import { expectNoAxeViolations } from '../testing/axe.js';
import {
  captureWarnings,
  cleanupFixtures,
  deepActiveElement,
  fixture,
  waitUntil,
} from '../testing/fixture.js';
import './define.js';
import type { KumoDialogCloseEvent, KumoDialogRequestCloseEvent } from './dialog.events.js';
import type { KumoDialog } from './dialog.js';

interface Setup {
  readonly opener: HTMLButtonElement;
  readonly dialog: KumoDialog;
  readonly native: HTMLDialogElement;
  readonly closeButton: HTMLButtonElement | null;
}

async function setup(
  template = html`<kumo-dialog><h2 slot="heading">Upload files</h2><p>Body</p></kumo-dialog>`,
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><button id="opener">Open</button>${template}</div>`,
  );
  const dialog = wrapper.querySelector('kumo-dialog')!;
  await dialog.updateComplete;
  return {
    opener: wrapper.querySelector<HTMLButtonElement>('#opener')!,
    dialog,
    native: dialog.shadowRoot!.querySelector('dialog')!,
    closeButton: dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="close-button"]'),
  } satisfies Setup;
}

/** Opens the dialog the way a person does: from a focused button. */
async function openFrom(setup: Setup): Promise<void> {
  setup.opener.focus();
  await setup.dialog.show();
}

const focusInside = (dialog: KumoDialog) => {
  const active = deepActiveElement();
  return active !== null && (dialog.contains(active) || dialog.shadowRoot!.contains(active));
};

describe('<kumo-dialog>', () => {
  afterEach(cleanupFixtures);

  describe('defaults', () => {
    it('is closed', async () => {
      const { dialog, native } = await setup();
      assert.isFalse(dialog.open);
      assert.isFalse(native.open);
      assert.isFalse(dialog.hasAttribute('open'));
      assert.strictEqual(native.getBoundingClientRect().height, 0);
    });
  });

  describe('attributes and properties', () => {
    it('opens modally with the open attribute', async () => {
      const { dialog, native } = await setup(html`<kumo-dialog open label="Settings"></kumo-dialog>`);
      assert.isTrue(dialog.open);
      assert.isTrue(native.open);
      assert.isTrue(native.matches(':modal'));
    });

    it('is named by its heading', async () => {
      const { native, dialog } = await setup();
      assert.strictEqual(native.getAttribute('aria-labelledby'), 'heading');
      const heading = dialog.shadowRoot!.getElementById('heading')!;
      assert.strictEqual(heading.querySelector('slot')!.assignedElements()[0]!.textContent, 'Upload files');
    });

    it('is named by label when set', async () => {
      const { native } = await setup(html`<kumo-dialog label="Crop image"></kumo-dialog>`);
      assert.strictEqual(native.getAttribute('aria-label'), 'Crop image');
      assert.isFalse(native.hasAttribute('aria-labelledby'));
    });

    it('leaves out the close button with no-close-button', async () => {
      const { closeButton } = await setup(html`<kumo-dialog no-close-button label="x"></kumo-dialog>`);
      assert.isNull(closeButton);
    });
  });

  describe('slots', () => {
    it('shows the footer only when something is slotted there', async () => {
      const empty = await setup();
      const footer = (dialog: KumoDialog) =>
        dialog.shadowRoot!.querySelector<HTMLElement>('[part="footer"]')!;
      assert.isTrue(footer(empty.dialog).hidden);
      const filled = await setup(
        html`<kumo-dialog label="x"><button slot="footer">Done</button></kumo-dialog>`,
      );
      await waitUntil(() => !footer(filled.dialog).hidden, 'footer shown');
    });
  });

  describe('states', () => {
    it('moves focus inside when it opens and back to the opener when it closes', async () => {
      const s = await setup();
      await openFrom(s);
      assert.isTrue(s.native.open);
      assert.isTrue(focusInside(s.dialog), 'focus is inside the dialog');
      await s.dialog.hide();
      assert.isFalse(s.native.open);
      assert.isTrue(deepActiveElement() === s.opener, 'focus is back on the opener');
    });

    it('keeps the rest of the page inert while open', async () => {
      const s = await setup();
      await openFrom(s);
      s.opener.focus();
      assert.isFalse(deepActiveElement() === s.opener, 'the opener cannot take focus behind the modal');
    });

    it('places the close button at the inline end, on the left in Arabic', async () => {
      await loadTranslation(uiStrings, 'ar');
      const s = await setup(html`<kumo-dialog lang="ar"><h2 slot="heading">رفع</h2></kumo-dialog>`);
      await openFrom(s);
      const heading = s.dialog.shadowRoot!.getElementById('heading')!.getBoundingClientRect();
      const close = s.closeButton!.getBoundingClientRect();
      assert.isBelow(close.right, heading.left + 1);
      assert.strictEqual(s.closeButton!.getAttribute('aria-label'), 'إغلاق');
    });

    it('labels the close button in the page’s language', async () => {
      const s = await setup();
      assert.strictEqual(s.closeButton!.getAttribute('aria-label'), en.close);
    });

    it('speaks announcements from inside the open dialog', async () => {
      const s = await setup();
      await openFrom(s);
      announce('Upload complete');
      flushAnnouncements();
      const region = announcerRegion('polite');
      assert.isTrue(s.native.contains(region), 'the live region is inside the modal dialog');
      assert.strictEqual(region.textContent, 'Upload complete');
      await s.dialog.hide();
      assert.isFalse(s.native.contains(announcerRegion('polite')));
    });
  });

  describe('events', () => {
    it('asks before closing from the close button, then reports the close', async () => {
      const s = await setup();
      await openFrom(s);
      const seen: string[] = [];
      s.dialog.addEventListener('kumo-dialog-request-close', (event: KumoDialogRequestCloseEvent) => {
        assert.isTrue(event.cancelable && event.bubbles && event.composed);
        seen.push(`request:${event.detail.source}`);
      });
      document.addEventListener(
        'kumo-dialog-close',
        (event: KumoDialogCloseEvent) => seen.push(`close:${event.detail.source}`),
        {
          once: true,
        },
      );
      s.closeButton!.click();
      await s.dialog.updateComplete;
      assert.deepEqual(seen, ['request:close-button', 'close:close-button']);
      assert.isFalse(s.native.open);
      assert.isTrue(deepActiveElement() === s.opener);
    });

    it('stays open when the request is canceled', async () => {
      const s = await setup();
      await openFrom(s);
      s.dialog.addEventListener('kumo-dialog-request-close', (event) => event.preventDefault());
      let closed = false;
      s.dialog.addEventListener('kumo-dialog-close', () => {
        closed = true;
      });
      s.closeButton!.click();
      await s.dialog.updateComplete;
      assert.isTrue(s.dialog.open);
      assert.isTrue(s.native.open);
      assert.isFalse(closed);
    });

    it('fires kumo-dialog-open when shown', async () => {
      const s = await setup();
      let opened = 0;
      s.dialog.addEventListener('kumo-dialog-open', () => {
        opened += 1;
      });
      await openFrom(s);
      assert.strictEqual(opened, 1);
    });

    it('closes without asking from hide()', async () => {
      const s = await setup();
      await openFrom(s);
      let requests = 0;
      s.dialog.addEventListener('kumo-dialog-request-close', () => {
        requests += 1;
      });
      await s.dialog.hide();
      assert.strictEqual(requests, 0);
      assert.isFalse(s.native.open);
    });

    it('stays open when shown again right after hide()', async () => {
      const s = await setup();
      await openFrom(s);
      const closes: string[] = [];
      s.dialog.addEventListener('kumo-dialog-close', (event: KumoDialogCloseEvent) =>
        closes.push(event.detail.source),
      );
      await s.dialog.hide();
      await s.dialog.show();
      // The native dialog reports the earlier closing in a task of its own, after the reopening.
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.isTrue(s.dialog.open);
      assert.isTrue(s.native.open);
      assert.deepEqual(closes, ['method']);
    });

    it('asks to close on a backdrop click only with close-on-backdrop', async () => {
      const plain = await setup();
      await openFrom(plain);
      plain.native.click();
      await plain.dialog.updateComplete;
      assert.isTrue(plain.native.open);
      await plain.dialog.hide();

      const dismissable = await setup(
        html`<kumo-dialog close-on-backdrop label="x"><p>Body</p></kumo-dialog>`,
      );
      await openFrom(dismissable);
      const sources: string[] = [];
      dismissable.dialog.addEventListener('kumo-dialog-request-close', (event) =>
        sources.push(event.detail.source),
      );
      dismissable.dialog.querySelector('p')!.click();
      assert.deepEqual(sources, [], 'a click on the content is not a backdrop click');
      dismissable.native.click();
      await dismissable.dialog.updateComplete;
      assert.deepEqual(sources, ['backdrop']);
      assert.isFalse(dismissable.native.open);
    });
  });

  describe('keyboard', () => {
    it('closes on Escape, asking first, and returns focus', async () => {
      const s = await setup();
      await openFrom(s);
      const sources: string[] = [];
      s.dialog.addEventListener('kumo-dialog-request-close', (event) => sources.push(event.detail.source));
      await sendKeys({ press: 'Escape' });
      await s.dialog.updateComplete;
      assert.deepEqual(sources, ['escape']);
      assert.isFalse(s.dialog.open);
      assert.isFalse(s.native.open);
      assert.isTrue(deepActiveElement() === s.opener);
    });

    it('stays open on Escape when the request is canceled, every time', async () => {
      const s = await setup();
      await openFrom(s);
      let requests = 0;
      s.dialog.addEventListener('kumo-dialog-request-close', (event) => {
        requests += 1;
        event.preventDefault();
      });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await s.dialog.updateComplete;
      assert.strictEqual(requests, 2);
      assert.isTrue(s.dialog.open);
      assert.isTrue(s.native.open);
      assert.isTrue(focusInside(s.dialog));
    });

    it('keeps Tab inside the dialog', async () => {
      const s = await setup(
        html`<kumo-dialog><h2 slot="heading">Title</h2><input aria-label="Name" /><button slot="footer">OK</button></kumo-dialog>`,
      );
      await openFrom(s);
      for (let press = 0; press < 5; press += 1) {
        await sendKeys({ press: 'Tab' });
        const active = deepActiveElement();
        // Tab may rest on the browser UI between cycles; it never lands on the page behind.
        assert.isFalse(active === s.opener, `Tab ${press + 1} left the dialog`);
      }
    });
  });

  describe('errors', () => {
    it('warns in development when the dialog has no name, and falls back to "Dialog"', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        const s = await setup(html`<kumo-dialog><p>Body</p></kumo-dialog>`);
        await openFrom(s);
        assert.strictEqual(s.native.getAttribute('aria-label'), en.dialog);
        assert.isTrue(capture.messages.some((message) => message.includes('dialog-missing-label')));
      } finally {
        capture.restore();
      }
    });

    it('does not warn when it has a heading', async () => {
      resetDevWarnings();
      const capture = captureWarnings();
      try {
        await openFrom(await setup());
        assert.deepEqual(capture.messages, []);
      } finally {
        capture.restore();
      }
    });

    it('ignores requestClose while closed', async () => {
      const s = await setup();
      assert.isFalse(s.dialog.requestClose());
    });
  });

  describe('accessibility', () => {
    it('passes axe while open', async () => {
      const s = await setup(
        html`<kumo-dialog><h2 slot="heading">Upload files</h2><p>Drop files here.</p><button slot="footer">Done</button></kumo-dialog>`,
      );
      await openFrom(s);
      await expectNoAxeViolations(s.dialog);
    });

    it('passes axe in the dark theme and right to left', async () => {
      const s = await setup(
        html`<kumo-dialog theme="dark" lang="ar"><h2 slot="heading">رفع الملفات</h2><p>أفلت الملفات هنا.</p></kumo-dialog>`,
      );
      await openFrom(s);
      await expectNoAxeViolations(s.dialog);
    });
  });
});
