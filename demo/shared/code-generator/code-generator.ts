// The studio's code generator: one element description in, four embed snippets out. DOM-free and
// deterministic (same description, same text), so pages and tests can call it anywhere.
import type { ElementDescription, Flavour } from './code-generator.types.js';
import { esModuleSnippet } from './es-module-snippet.js';
import { reactSnippet } from './react-snippet.js';
import { scriptTagSnippet } from './script-tag-snippet.js';
import { vueSnippet } from './vue-snippet.js';

export type {
  ElementDescription,
  EmbedSpec,
  EventSpec,
  Flavour,
  OptionSpec,
  SnippetOption,
  SnippetValue,
} from './code-generator.types.js';
export { FLAVOURS } from './code-generator.types.js';
export { nonDefaultOptions, sameValue } from './snippet-options.js';

/** What each flavour's tab is called and the file name its code would live in. */
export const FLAVOUR_LABELS: Readonly<Record<Flavour, { readonly label: string; readonly file: string }>> = {
  'script-tag': { label: 'Script tag', file: 'index.html' },
  'es-module': { label: 'ES module', file: 'index.html' },
  react: { label: 'React', file: 'App.jsx' },
  vue: { label: 'Vue', file: 'App.vue' },
};

/** The embed code of every flavour for one configured element. */
export function generateSnippets(description: ElementDescription): Record<Flavour, string> {
  return {
    'script-tag': scriptTagSnippet(description),
    'es-module': esModuleSnippet(description),
    react: reactSnippet(description),
    vue: vueSnippet(description),
  };
}
