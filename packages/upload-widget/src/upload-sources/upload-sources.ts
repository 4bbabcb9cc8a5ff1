import { KumoElement } from '@kumo/ui/base';
import { cameraIcon, drawIcon, folderIcon, type IconDrawing, linkIcon } from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { UploadSource } from '../engine/upload-queue.types.js';
import { type SourcesStrings, sourcesStrings } from '../locales/sources.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { LazyPartsController } from '../upload-widget/lazy-parts.js';
import { KumoUploadSourceChangedEvent } from '../upload-widget/upload-widget.events.js';
import { uploadSourcesStyles } from './upload-sources.styles.js';

const TABS: Readonly<
  Record<UploadSource, { readonly label: keyof SourcesStrings; readonly icon: IconDrawing }>
> = {
  local: { label: 'menu.files', icon: folderIcon },
  url: { label: 'menu.web', icon: linkIcon },
  camera: { label: 'menu.camera', icon: cameraIcon },
};

/**
 * @summary The widget's sources as tabs (a keyboard-navigable tablist) over the active source's panel.
 * With one source there are no tabs.
 * @tag kumo-upload-sources
 *
 * @csspart tabs - The tablist.
 * @csspart tab - Each tab.
 * @csspart panel - The active source's panel.
 *
 * @event kumo-source-changed - The person chose another source (`detail.source`).
 */
export class KumoUploadSources extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadSourcesStyles];

  static override properties: PropertyDeclarations = {
    sources: { attribute: false },
    active: {},
    multiple: { type: Boolean },
    accept: {},
    maxFileSize: { attribute: 'max-file-size', type: Number },
    formats: { attribute: false },
    pasteScope: { attribute: 'paste-scope' },
    disabled: { type: Boolean, reflect: true },
  };

  /** The sources, in tab order. */
  declare sources: readonly UploadSource[];
  /** The source shown. */
  declare active: UploadSource;
  /** Passed to the local source. */
  declare multiple: boolean;
  /** Passed to the local source. */
  declare accept: string;
  /** Passed to the local source. */
  declare maxFileSize: number | undefined;
  /** Passed to the local source. */
  declare formats: readonly string[];
  /** Passed to the local source. */
  declare pasteScope: 'target' | 'document';
  /** Passed to every source. */
  declare disabled: boolean;

  private readonly localize = new UploadLocalizeController(this, sourcesStrings);
  private readonly parts = new LazyPartsController(this);

  constructor() {
    super();
    this.sources = ['local', 'url', 'camera'];
    this.active = 'local';
    this.multiple = false;
    this.accept = '';
    this.maxFileSize = undefined;
    this.formats = [];
    this.pasteScope = 'target';
    this.disabled = false;
  }

  protected override getUpdateComplete(): Promise<boolean> {
    // The web address and camera panels load when first shown; waiting for the update includes them.
    return this.parts.settle(() => super.getUpdateComplete());
  }

  private get current(): UploadSource | undefined {
    return this.sources.includes(this.active) ? this.active : this.sources[0];
  }

  private select(source: UploadSource, focus: boolean): void {
    if (source !== this.current) {
      this.active = source;
      this.dispatchEvent(new KumoUploadSourceChangedEvent(source));
    }
    if (focus) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${source}`)?.focus(),
      );
    }
  }

  private handleKeyDown(event: KeyboardEvent): void {
    const count = this.sources.length;
    const index = this.sources.indexOf(this.current!);
    const forward = this.resolvedDir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.resolvedDir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const target: Record<string, number> = {
      [forward]: (index + 1) % count,
      [backward]: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(this.sources[next]!, true);
  }

  private renderPanel(source: UploadSource | undefined) {
    switch (source) {
      case 'local':
        return html`<kumo-upload-source-local
          ?multiple=${this.multiple}
          accept=${this.accept}
          .maxFileSize=${this.maxFileSize}
          .formats=${this.formats}
          paste-scope=${this.pasteScope}
          ?disabled=${this.disabled}
        ></kumo-upload-source-local>`;
      case 'url':
        this.parts.need('kumo-upload-source-url');
        return html`<kumo-upload-source-url ?disabled=${this.disabled}></kumo-upload-source-url>`;
      case 'camera':
        this.parts.need('kumo-upload-source-camera');
        return html`<kumo-upload-source-camera ?disabled=${this.disabled}></kumo-upload-source-camera>`;
      default:
        return nothing;
    }
  }

  protected override render() {
    const current = this.current;
    const tabbed = this.sources.length > 1;
    const panel = this.renderPanel(current);
    const tabs = tabbed
      ? html`<div part="tabs" class="tabs" role="tablist" aria-label=${this.localize.term('menu.label')} @keydown=${this.handleKeyDown}>
          ${this.sources.map((source) => {
            const selected = source === current;
            return html`<button
              part="tab"
              class="tab"
              type="button"
              role="tab"
              id="tab-${source}"
              aria-selected=${selected ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${selected ? '0' : '-1'}
              @click=${() => this.select(source, false)}
            >
              ${drawIcon(TABS[source].icon)}${this.localize.term(TABS[source].label)}
            </button>`;
          })}
        </div>`
      : nothing;
    return html`${tabs}
      <div
        part="panel"
        id="panel"
        role=${tabbed ? 'tabpanel' : nothing}
        aria-labelledby=${tabbed && current ? `tab-${current}` : nothing}
        aria-busy=${this.parts.busy ? 'true' : nothing}
      >
        ${panel}
      </div>`;
  }
}
