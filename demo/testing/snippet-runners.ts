// Runs generated snippets in Node the way each toolchain would read them, and records what reaches
// the element: HTML through a spec-compliant parser (parse5), JSX through esbuild, Vue through its
// own SFC compiler and a recording renderer. Tests compare the records with the intended options.
import { createRequire } from 'node:module';
import { compileScript, parse as parseSfc } from '@vue/compiler-sfc';
import { transform } from 'esbuild';
import { parseFragment } from 'parse5';
import { createRenderer, h } from 'vue';

const require = createRequire(import.meta.url);

type AnyFunction = (...args: unknown[]) => unknown;

/** An element found in parsed markup: its tag, attributes (decoded) and text. */
export interface ParsedElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

/** Every element of an HTML fragment in document order. */
export function parseElements(html: string): ParsedElement[] {
  const found: ParsedElement[] = [];
  const textOf = (node: Parse5Node): string =>
    node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');
  const walk = (node: Parse5Node) => {
    if (node.tagName) {
      found.push({
        tag: node.tagName,
        attributes: Object.fromEntries((node.attrs ?? []).map(({ name, value }) => [name, value])),
        text: textOf(node),
      });
    }
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Parse5Node);
  return found;
}

/** A stand-in for a page element: records properties set on it and listeners added to it. */
export class RecordingElement {
  readonly properties: Record<string, unknown> = {};
  readonly listeners: Record<string, AnyFunction> = {};
  constructor(readonly selector: string) {}
  addEventListener(type: string, listener: AnyFunction): void {
    this.listeners[type] = listener;
  }
}

/** Calls to `console.log`/`console.error` made by snippet code. */
export type ConsoleRecord = { readonly level: 'log' | 'error'; readonly args: readonly unknown[] };

function recordingConsole(records: ConsoleRecord[]) {
  return {
    log: (...args: unknown[]) => records.push({ level: 'log', args }),
    error: (...args: unknown[]) => records.push({ level: 'error', args }),
  };
}

function fakeDocument(elements: Map<string, RecordingElement>) {
  // Assignments the snippet makes (`widget.tags = [...]`) land in `properties`.
  const get = (selector: string) => {
    let element = elements.get(selector);
    if (!element) {
      element = new RecordingElement(selector);
      elements.set(selector, element);
    }
    return new Proxy(element, {
      set: (target, key, value) => {
        target.properties[String(key)] = value;
        return true;
      },
    });
  };
  return {
    getElementById: (id: string) => get(`#${id}`),
    querySelector: (selector: string) => get(selector),
  };
}

/** What the script-tag flavour did: its script URL, markup, calls on `kumo` and on the instance. */
export interface ScriptTagRun {
  readonly scriptSrc: string | undefined;
  readonly elements: readonly ParsedElement[];
  readonly factoryCalls: readonly { readonly factory: string; readonly args: readonly unknown[] }[];
  readonly instanceCalls: readonly { readonly method: string; readonly args: readonly unknown[] }[];
  readonly pageElements: ReadonlyMap<string, RecordingElement>;
  readonly console: ConsoleRecord[];
}

/** Parses the script-tag snippet and runs its inline script against a recording `kumo` global. */
export function runScriptTag(html: string): ScriptTagRun {
  const elements = parseElements(html);
  const scripts = elements.filter((element) => element.tag === 'script');
  const factoryCalls: { factory: string; args: unknown[] }[] = [];
  const instanceCalls: { method: string; args: unknown[] }[] = [];
  const instance = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (...args: unknown[]) =>
          instanceCalls.push({ method: String(method), args }),
    },
  );
  const kumo = new Proxy(
    {},
    {
      get:
        (_target, factory) =>
        (...args: unknown[]) => {
          factoryCalls.push({ factory: String(factory), args });
          return instance;
        },
    },
  );
  const pageElements = new Map<string, RecordingElement>();
  const records: ConsoleRecord[] = [];
  for (const script of scripts.filter((element) => element.attributes.src === undefined)) {
    new Function('kumo', 'document', 'console', script.text)(
      kumo,
      fakeDocument(pageElements),
      recordingConsole(records),
    );
  }
  return {
    scriptSrc: scripts.find((element) => element.attributes.src !== undefined)?.attributes.src,
    elements: elements.filter((element) => element.tag !== 'script'),
    factoryCalls,
    instanceCalls,
    pageElements,
    console: records,
  };
}

/** What the ES module flavour did: the element's attributes, the imports, properties and listeners. */
export interface EsModuleRun {
  readonly element: ParsedElement | undefined;
  readonly imports: readonly string[];
  readonly scriptType: string | undefined;
  readonly instance: RecordingElement | undefined;
  readonly console: ConsoleRecord[];
}

const IMPORT_LINE = /^\s*import\s+'([^']*)';\s*$/gm;

/** Parses the ES module snippet and runs its module script (imports recorded, not loaded). */
export function runEsModule(html: string, tag: string): EsModuleRun {
  const elements = parseElements(html);
  const script = elements.find((element) => element.tag === 'script');
  const imports = [...(script?.text ?? '').matchAll(IMPORT_LINE)].map((match) => match[1] ?? '');
  const pageElements = new Map<string, RecordingElement>();
  const records: ConsoleRecord[] = [];
  const body = (script?.text ?? '').replace(IMPORT_LINE, '');
  new Function('document', 'console', body)(fakeDocument(pageElements), recordingConsole(records));
  return {
    element: elements.find((element) => element.tag === tag),
    imports,
    scriptType: script?.attributes.type,
    instance: pageElements.get(tag),
    console: records,
  };
}

/** A rendered element: its type and the props it received. */
export interface RenderedElement {
  readonly type: unknown;
  readonly props: Readonly<Record<string, unknown>>;
}

async function evaluateModule(
  code: string,
  modules: Record<string, unknown>,
  globals: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string) => {
    if (!(id in modules)) throw new Error(`the snippet imports ${id}, which the test does not provide`);
    return modules[id];
  };
  const names = Object.keys(globals);
  new Function('module', 'exports', 'require', ...names, code)(
    module,
    module.exports,
    load,
    ...names.map((name) => globals[name]),
  );
  return module.exports;
}

/** Compiles the React snippet's JSX and renders its default export once with a recording `h`. */
export async function runReact(
  source: string,
  wrapperPackage: string,
): Promise<{ rendered: RenderedElement; imports: readonly string[]; console: ConsoleRecord[] }> {
  const { code } = await transform(source, {
    loader: 'jsx',
    jsx: 'transform',
    jsxFactory: 'h',
    format: 'cjs',
  });
  const imports: string[] = [];
  const records: ConsoleRecord[] = [];
  const wrappers = new Proxy(
    {},
    {
      get: (_target, name) => {
        imports.push(`${wrapperPackage}#${String(name)}`);
        return String(name);
      },
    },
  );
  const exports = await evaluateModule(
    code,
    { [wrapperPackage]: wrappers },
    {
      h: (type: unknown, props: Record<string, unknown> | null) => ({ type, props: props ?? {} }),
      console: recordingConsole(records),
    },
  );
  const App = exports.default as () => RenderedElement;
  return { rendered: App(), imports, console: records };
}

interface RendererNode {
  tag?: string;
  props: Record<string, unknown>;
  children: RendererNode[];
}

/**
 * Compiles the Vue SFC the way @vitejs/plugin-vue does (custom elements as given by its note) and
 * renders it with a renderer that records every prop Vue patches onto the element.
 */
export async function runVue(
  source: string,
  isCustomElement: (tag: string) => boolean,
): Promise<{ rendered: RenderedElement; imports: readonly string[]; console: ConsoleRecord[] }> {
  const { descriptor, errors } = parseSfc(source, {
    filename: 'App.vue',
    templateParseOptions: { isCustomElement },
  });
  if (errors.length > 0) throw errors[0];
  const script = compileScript(descriptor, {
    id: 'snippet',
    inlineTemplate: true,
    templateOptions: { compilerOptions: { isCustomElement } },
  });
  const { code } = await transform(script.content, { loader: 'js', format: 'cjs' });
  const imports: string[] = [];
  const records: ConsoleRecord[] = [];
  const modules = new Proxy({} as Record<string, unknown>, {
    has: () => true,
    get: (_target, id) => {
      if (id === 'vue') return require('vue');
      imports.push(String(id));
      return {};
    },
  });
  const exports = await evaluateModule(code, modules, { console: recordingConsole(records) });
  const root: RendererNode = { props: {}, children: [] };
  const { render } = createRenderer<RendererNode, RendererNode>({
    createElement: (tag) => ({ tag, props: {}, children: [] }),
    insert: (child, parent) => {
      parent.children.push(child);
    },
    remove: () => {},
    createText: () => ({ props: {}, children: [] }),
    createComment: () => ({ props: {}, children: [] }),
    setText: () => {},
    setElementText: () => {},
    parentNode: () => null,
    nextSibling: () => null,
    patchProp: (element, key, _previous, next) => {
      element.props[key] = next;
    },
  });
  render(h(exports.default as Parameters<typeof h>[0]), root);
  const element = root.children[0];
  return { rendered: { type: element?.tag, props: element?.props ?? {} }, imports, console: records };
}
