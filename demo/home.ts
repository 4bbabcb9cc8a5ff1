// The home page's cards, from the same list as the navigation: what each widget does and whether
// its studio page is ready.
import { STUDIO_ENTRIES, type StudioEntry } from './shared/studio-pages.js';

function card(entry: StudioEntry): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'card';
  const heading = document.createElement('h3');
  if (entry.page) {
    const link = document.createElement('a');
    link.href = `./${entry.page}`;
    link.textContent = entry.title;
    heading.append(link);
  } else {
    heading.append(entry.title);
  }
  const badge = document.createElement('span');
  badge.className = entry.page ? 'badge ready' : 'badge';
  badge.textContent = entry.page ? 'ready' : 'coming soon';
  heading.append(badge);

  const summary = document.createElement('p');
  if (entry.tag) {
    const code = document.createElement('code');
    code.textContent = `<${entry.tag}>`;
    summary.append(code, ': ');
  }
  summary.append(entry.summary);
  item.append(heading, summary);
  return item;
}

for (const kind of ['widget', 'tool'] as const) {
  const list = document.getElementById(kind === 'widget' ? 'widgets' : 'tools');
  list?.replaceChildren(...STUDIO_ENTRIES.filter((entry) => entry.kind === kind).map(card));
}
