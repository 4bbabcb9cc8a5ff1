import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { mediaMenuStyles } from './media-menu.styles.js';

/** One choice of a menu. */
export interface MenuItem {
  /** Value handed to `choose()`. */
  readonly value: string;
  readonly label: string;
  readonly checked: boolean;
}

/** A group of mutually exclusive choices (one radio group), with an optional heading. */
export interface MenuGroup {
  readonly id: string;
  readonly label?: string;
  readonly items: readonly MenuItem[];
}

/**
 * The shared menu-button behaviour of the rate, quality, captions and chapters menus (not an
 * element itself): a button that opens a `role="menu"` of radio items above the control bar.
 * ArrowUp/ArrowDown/Home/End move between items, Enter/Space choose, Escape and Tab close, and
 * focus goes back to the button after a choice.
 */
export abstract class KumoMediaMenu extends KumoMediaControl {
  static override styles = [mediaControlStyles, mediaMenuStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    open: { type: Boolean, reflect: true },
  };

  /** Whether the menu is showing. */
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
    this.addEventListener('focusout', this.handleFocusOut);
  }

  /** The button's accessible name (and the menu's). */
  protected abstract menuLabel(): string;
  /** The button's accessible name; the menu's label unless the button shows text of its own. */
  protected buttonLabel(): string {
    return this.menuLabel();
  }
  /** The button's content: an icon, or text such as "1.5×". */
  protected abstract buttonContent(): TemplateResult;
  /** The choices. */
  protected abstract menuGroups(): readonly MenuGroup[];
  /** Acts on a choice. */
  protected abstract choose(groupId: string, value: string): void;

  protected override isAvailable(): boolean {
    return this.menuGroups().some((group) => group.items.length > 1);
  }

  /** Opens the menu and focuses the checked item (or the first). */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const items = this.items();
    (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  }

  /** Closes the menu; `refocus` moves focus back to the button. */
  hide(refocus = false): void {
    this.open = false;
    if (refocus) this.shadowRoot?.querySelector<HTMLButtonElement>('.control')?.focus();
  }

  private items(): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
  }

  private readonly handleFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (this.open && !(next && (this.contains(next) || this.shadowRoot?.contains(next)))) this.open = false;
  };

  private handleButtonClick() {
    if (this.open) this.hide();
    else void this.show();
  }

  private handleButtonKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      event.stopPropagation();
      void this.show();
    }
  }

  private handleMenuKeyDown(event: KeyboardEvent) {
    const items = this.items();
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = (index + 1) % items.length;
        break;
      case 'ArrowUp':
        target = (index - 1 + items.length) % items.length;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = items.length - 1;
        break;
      case 'Escape':
        this.hide(true);
        break;
      case 'Tab':
        this.open = false;
        return;
      case ' ':
      case 'Enter':
        return void event.stopPropagation();
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (target !== undefined) items[target]?.focus();
  }

  private handleItemClick(group: string, value: string) {
    this.choose(group, value);
    this.hide(true);
  }

  protected override render() {
    const label = this.menuLabel();
    const groups = this.menuGroups();
    return html`
      <button
        class="control"
        part="button"
        type="button"
        aria-label=${this.buttonLabel()}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${this.handleButtonClick}
        @keydown=${this.handleButtonKeyDown}
      >${this.buttonContent()}</button>
      <div id="menu" part="menu" role="menu" aria-label=${label} ?hidden=${!this.open} @keydown=${this.handleMenuKeyDown}>
        ${groups.map(
          (group) => html`
            <div role="group" aria-label=${group.label ?? label}>
              ${group.label ? html`<div class="group-label" aria-hidden="true">${group.label}</div>` : ''}
              ${group.items.map(
                (item) => html`<button
                  type="button"
                  role="menuitemradio"
                  tabindex="-1"
                  aria-checked=${item.checked ? 'true' : 'false'}
                  @click=${() => this.handleItemClick(group.id, item.value)}
                ><span class="check">${playerIcon('check')}</span>${item.label}</button>`,
              )}
            </div>
          `,
        )}
      </div>
    `;
  }
}
