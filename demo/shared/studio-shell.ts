// The layout every studio page shares: a skip link, the header with the Kumo name, the navigation
// (from studio-pages.ts) and the light/dark toggle. A page opts in with <body data-page="…">, an
// empty <header class="studio-header"> and <main id="main">, and imports this module.
import { navigationPages } from './studio-pages.js';
import { applyStoredTheme, effectiveTheme, onSystemThemeChange, toggleTheme } from './theme-preference.js';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

function themeButton(): HTMLButtonElement {
  const button = element('button', { type: 'button', className: 'theme-toggle' }, 'Dark theme');
  const sync = () => button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
  button.addEventListener('click', () => {
    toggleTheme();
    sync();
  });
  onSystemThemeChange(sync);
  sync();
  return button;
}

/** Builds the shared layout into the page. */
export function renderShell(): void {
  applyStoredTheme();
  const current = document.body.dataset.page ?? 'home';
  // Every page other than home lives one folder down.
  const root = current === 'home' ? './' : '../';

  const main = document.querySelector('main');
  if (main) {
    main.id ||= 'main';
    main.tabIndex = -1;
    document.body.prepend(element('a', { className: 'skip-link', href: `#${main.id}` }, 'Skip to content'));
  }

  const header = document.querySelector<HTMLElement>('header.studio-header');
  if (!header) return;
  const links = navigationPages().map((page) => {
    const link = element('a', { href: root + page.path }, page.title);
    if (page.id === current) link.setAttribute('aria-current', 'page');
    return element('li', {}, link);
  });
  const nav = element('nav', {}, element('ul', {}, ...links));
  nav.setAttribute('aria-label', 'Studio pages');
  header.replaceChildren(element('a', { className: 'brand', href: root }, 'Kumo studio'), nav, themeButton());
}

renderShell();
