import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { pushAnnouncerContainer } from '../announcer/announcer.js';
import { KumoElement } from '../base/kumo-element.js';
import { warnInDev } from '../dev/warn.js';
import { closeIcon, drawIcon } from '../icon/icon-set.js';
import { uiStrings } from '../locales/strings.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { themeStyles } from '../theme/theme.styles.js';
import { KumoDialogCloseEvent, KumoDialogOpenEvent, KumoDialogRequestCloseEvent } from './dialog.events.js';
import { dialogStyles } from './dialog.styles.js';
import type { DialogCloseSource } from './dialog.types.js';

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary A modal dialog shell on the native `<dialog>`: focus stays inside while it is open,
 * `Escape` asks it to close, and focus returns to whatever opened it.
 * @tag kumo-dialog
 *
 * @slot - The dialog's content.
 * @slot heading - Its title (e.g. an `<h2>`), which also names the dialog for assistive technology.
 * @slot footer - Actions, laid out at the end of the dialog.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart panel - The column holding header, body and footer.
 * @csspart header - The row with the heading and the close button.
 * @csspart heading - The wrapper of the `heading` slot.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling content area.
 * @csspart footer - The wrapper of the `footer` slot; hidden when the slot is empty.
 *
 * @cssproperty --kumo-dialog-width - Inline size; `min(36rem, 100vw - 2rem)` by default.
 * @cssproperty --kumo-dialog-max-height - Largest block size; `100dvh - 2rem` by default.
 * @cssproperty --kumo-dialog-backdrop - The backdrop's background; `--kumo-color-backdrop` by default.
 *
 * @event kumo-dialog-open - Opened, with focus inside.
 * @event kumo-dialog-request-close - About to close (`detail.source` says why); cancelable.
 * @event kumo-dialog-close - Closed, with focus back on the opener.
 */
export class KumoDialog extends KumoElement {
  static override styles = [themeStyles, dialogStyles];

  static override properties: PropertyDeclarations = {
    open: { type: Boolean, reflect: true },
    label: {},
    noCloseButton: { type: Boolean, attribute: 'no-close-button' },
    closeOnBackdrop: { type: Boolean, attribute: 'close-on-backdrop' },
    hasHeading: { state: true },
    hasFooter: { state: true },
  };

  /** Whether the dialog is shown (modal). Setting it opens or closes without asking. */
  declare open: boolean;
  /** Accessible name when there is no heading (or to override it). */
  declare label: string | undefined;
  /** Leaves out the built-in close button (provide another way to close). */
  declare noCloseButton: boolean;
  /** Clicking the backdrop asks the dialog to close. */
  declare closeOnBackdrop: boolean;
  declare private hasHeading: boolean;
  declare private hasFooter: boolean;

  private readonly localize = new LocalizeController(this, uiStrings);
  private opener: HTMLElement | null = null;
  private closeSource: DialogCloseSource = 'method';
  private releaseAnnouncer?: () => void;

  constructor() {
    super();
    this.open = false;
    this.label = undefined;
    this.noCloseButton = false;
    this.closeOnBackdrop = false;
    this.hasHeading = false;
    this.hasFooter = false;
  }

  /** Opens the dialog; resolves once it is shown. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the dialog without asking (no `kumo-dialog-request-close`). */
  async hide(): Promise<void> {
    this.closeSource = 'method';
    this.open = false;
    await this.updateComplete;
  }

  /**
   * Asks the dialog to close, as its own controls do: fires `kumo-dialog-request-close`, and
   * closes unless a listener cancels it. Returns whether it closes.
   */
  requestClose(source: DialogCloseSource = 'method'): boolean {
    if (!this.open) return false;
    const allowed = this.dispatchEvent(new KumoDialogRequestCloseEvent(source));
    if (allowed) {
      this.closeSource = source;
      this.open = false;
    }
    return allowed;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseAnnouncer?.();
    this.releaseAnnouncer = undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open && !dialog.open) this.showDialog(dialog);
    else if (!this.open && dialog.open) this.closeDialog(dialog);
  }

  private showDialog(dialog: HTMLDialogElement): void {
    this.opener = deepActiveElement();
    if (!this.isConnected) return;
    if (!this.label && !this.querySelector(':scope > [slot="heading"]')) {
      warnInDev(
        'dialog-missing-label',
        '<kumo-dialog> has neither a heading slot nor a label; give it a name.',
      );
    }
    dialog.showModal();
    this.releaseAnnouncer = pushAnnouncerContainer(dialog);
    this.dispatchEvent(new KumoDialogOpenEvent());
  }

  private closeDialog(dialog: HTMLDialogElement): void {
    if (dialog.open) dialog.close();
    this.finishClose();
  }

  private finishClose(): void {
    this.releaseAnnouncer?.();
    this.releaseAnnouncer = undefined;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    const source = this.closeSource;
    this.closeSource = 'method';
    this.dispatchEvent(new KumoDialogCloseEvent(source));
  }

  private handleKeyDown(event: KeyboardEvent): void {
    // A nested dialog that handled Escape already called preventDefault.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape is ours to decide: the browser's own close could not be vetoed reliably.
    event.preventDefault();
    this.requestClose('escape');
  }

  private handleCancel(event: Event): void {
    // Close requests that do not come through keydown (a back gesture) arrive here.
    if (event.cancelable) {
      event.preventDefault();
      this.requestClose('escape');
    } else {
      this.closeSource = 'escape';
    }
  }

  private handleNativeClose(event: Event): void {
    // The browser closed the dialog itself (an uncancelable close request): catch up. The event
    // comes in a task of its own, so when the dialog was shown again meanwhile it is stale.
    if (!this.open || (event.currentTarget as HTMLDialogElement).open) return;
    this.open = false;
    this.finishClose();
  }

  private handleClick(event: MouseEvent): void {
    // The panel fills the dialog, so a click whose target is the <dialog> itself is on the backdrop.
    if (this.closeOnBackdrop && event.target === event.currentTarget) this.requestClose('backdrop');
  }

  private handleSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const filled = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
    if (slot.name === 'heading') this.hasHeading = filled;
    if (slot.name === 'footer') this.hasFooter = filled;
  }

  protected override render() {
    const name = this.label || (this.hasHeading ? undefined : this.localize.term('dialog'));
    return html`<dialog
      part="dialog"
      class="dialog"
      aria-labelledby=${name ? nothing : 'heading'}
      aria-label=${name ?? nothing}
      @keydown=${this.handleKeyDown}
      @cancel=${this.handleCancel}
      @close=${this.handleNativeClose}
      @click=${this.handleClick}
    >
      <div part="panel" class="panel">
        <div part="header" class="header">
          <div part="heading" class="heading" id="heading">
            <slot name="heading" @slotchange=${this.handleSlotChange}></slot>
          </div>
          ${
            this.noCloseButton
              ? nothing
              : html`<button
                  part="close-button"
                  class="close"
                  type="button"
                  aria-label=${this.localize.term('close')}
                  @click=${() => this.requestClose('close-button')}
                >
                  ${drawIcon(closeIcon)}
                </button>`
          }
        </div>
        <div part="body" class="body"><slot></slot></div>
        <div part="footer" class="footer" ?hidden=${!this.hasFooter}>
          <slot name="footer" @slotchange=${this.handleSlotChange}></slot>
        </div>
      </div>
    </dialog>`;
  }
}
