// Generated code in one tab per flavour (the ARIA tabs pattern, automatic activation) with a copy
// button per panel that confirms visibly and to screen readers.
import { FLAVOUR_LABELS, FLAVOURS, type Flavour } from './code-generator/code-generator.js';

const CONFIRMATION_MS = 2000;

export class CodeTabs {
  private readonly tabs = new Map<Flavour, HTMLButtonElement>();
  private readonly codes = new Map<Flavour, HTMLElement>();
  private readonly panels = new Map<Flavour, HTMLElement>();
  private readonly statusTimers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();

  constructor(container: HTMLElement, label: string) {
    const tablist = document.createElement('div');
    tablist.className = 'tablist';
    tablist.setAttribute('role', 'tablist');
    tablist.setAttribute('aria-label', label);
    container.replaceChildren(tablist);

    for (const flavour of FLAVOURS) {
      const { label: title, file } = FLAVOUR_LABELS[flavour];
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `tab-${flavour}`;
      tab.textContent = title;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', `panel-${flavour}`);
      tab.addEventListener('click', () => this.select(flavour));
      tab.addEventListener('keydown', (event) => this.handleKeydown(event, flavour));
      tablist.append(tab);
      this.tabs.set(flavour, tab);

      const panel = document.createElement('div');
      panel.id = `panel-${flavour}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      const copyRow = document.createElement('div');
      copyRow.className = 'copy-row';
      const status = document.createElement('span');
      status.className = 'copy-status';
      status.setAttribute('role', 'status');
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.textContent = 'Copy';
      copy.setAttribute('aria-label', `Copy ${title} code`);
      copy.addEventListener('click', () => this.copy(flavour, status));
      const fileName = document.createElement('span');
      fileName.className = 'hint';
      fileName.textContent = file;
      copyRow.append(fileName, status, copy);
      const pre = document.createElement('pre');
      pre.tabIndex = 0;
      pre.setAttribute('aria-label', `${title} code`);
      const code = document.createElement('code');
      code.dataset.flavour = flavour;
      pre.append(code);
      panel.append(copyRow, pre);
      container.append(panel);
      this.panels.set(flavour, panel);
      this.codes.set(flavour, code);
    }
    this.select(FLAVOURS[0]);
  }

  /** Shows new code in every panel. */
  update(snippets: Readonly<Record<Flavour, string>>): void {
    for (const flavour of FLAVOURS) {
      const code = this.codes.get(flavour);
      if (code && code.textContent !== snippets[flavour]) code.textContent = snippets[flavour];
    }
  }

  select(flavour: Flavour, focus = false): void {
    for (const [key, tab] of this.tabs) {
      const selected = key === flavour;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = this.panels.get(key);
      if (panel) panel.hidden = !selected;
      if (selected && focus) tab.focus();
    }
  }

  private handleKeydown(event: KeyboardEvent, flavour: Flavour): void {
    const index = FLAVOURS.indexOf(flavour);
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + FLAVOURS.length) % FLAVOURS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = FLAVOURS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.select(FLAVOURS[next] as Flavour, true);
  }

  private async copy(flavour: Flavour, status: HTMLElement): Promise<void> {
    const text = this.codes.get(flavour)?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied';
    } catch {
      status.textContent = 'Copying failed: select the code and copy it';
    }
    clearTimeout(this.statusTimers.get(status));
    this.statusTimers.set(
      status,
      setTimeout(() => {
        status.textContent = '';
      }, CONFIRMATION_MS),
    );
  }
}
