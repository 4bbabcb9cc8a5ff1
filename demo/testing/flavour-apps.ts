// Turns a generated snippet into a page a browser can open, the way its user would: the script-tag
// flavour pasted into plain HTML, the others built by Vite in a temporary project (ES module as an
// index.html, React with a root render, Vue with @vitejs/plugin-vue). Each page is served under
// `/__flavours/<name>/` of the studio's origin through Playwright routing, so it talks to the Kumo
// server through the same proxy as the preview.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import type { Page } from 'playwright-core';
import { build, type InlineConfig } from 'vite';
import type { Flavour } from '../shared/code-generator/code-generator.js';

const repoNodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

const page = (title: string, body: string, head = '') =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n<title>${title}</title>\n${head}</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** A folder of static files, or one HTML document, served at `/__flavours/<flavour>/`. */
export interface FlavourApp {
  readonly flavour: Flavour;
  readonly path: string;
  /** Built files by path below the base; absent for the script tag's single page. */
  readonly dir?: string;
  readonly html?: string;
  close(): void;
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kumo-flavour-'));
  // Resolves `@kumo/*`, react and vue from the repository, as an installed app would from its own.
  symlinkSync(repoNodeModules, join(dir, 'node_modules'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function buildProject(flavour: Flavour, files: Record<string, string>, config: InlineConfig = {}) {
  const dir = project(files);
  const path = `/__flavours/${flavour}/`;
  await build({
    root: dir,
    base: path,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, minify: false },
    ...config,
  });
  return {
    flavour,
    path,
    dir: join(dir, 'dist'),
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const isKumoElement = (tag: string) => tag.startsWith('kumo-');

/** Builds or wraps one flavour's snippet into a page. */
export async function flavourApp(flavour: Flavour, code: string): Promise<FlavourApp> {
  switch (flavour) {
    case 'script-tag':
      return { flavour, path: '/__flavours/script-tag/', html: page('Script tag', code), close: () => {} };
    case 'es-module':
      return buildProject(flavour, { 'index.html': page('ES module', code) });
    case 'react':
      return buildProject(flavour, {
        'index.html': page(
          'React',
          '<div id="root"></div>',
          '<script type="module" src="./main.jsx"></script>\n',
        ),
        'main.jsx': [
          "import { createRoot } from 'react-dom/client';",
          "import App from './App.jsx';",
          '',
          "createRoot(document.getElementById('root')).render(<App />);",
          '',
        ].join('\n'),
        'App.jsx': code,
      });
    case 'vue':
      return buildProject(
        flavour,
        {
          'index.html': page(
            'Vue',
            '<div id="app"></div>',
            '<script type="module" src="./main.js"></script>\n',
          ),
          'main.js':
            "import { createApp } from 'vue';\nimport App from './App.vue';\n\ncreateApp(App).mount('#app');\n",
          'App.vue': code,
        },
        // What the snippet's note asks for.
        { plugins: [vue({ template: { compilerOptions: { isCustomElement: isKumoElement } } })] },
      );
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the app at `origin + app.path` in this page (its requests never reach the network). */
export async function serveFlavour(target: Page, origin: string, app: FlavourApp): Promise<string> {
  await target.route(`${origin}${app.path}**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname.slice(app.path.length) || 'index.html';
    if (app.html !== undefined) {
      await route.fulfill({ status: 200, contentType: CONTENT_TYPES['.html'], body: app.html });
      return;
    }
    const file = normalize(join(app.dir ?? '', pathname));
    if (!file.startsWith(app.dir ?? '')) {
      await route.fulfill({ status: 404 });
      return;
    }
    try {
      const body = readFileSync(file);
      await route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)], body });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
  return `${origin}${app.path}`;
}
