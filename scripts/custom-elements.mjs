// Writes `packages/<pkg>/custom-elements.json` for every element package with the Custom Elements
// Manifest analyzer (its programmatic API: the CLI cannot be stopped from editing package.json),
// and offers `readElements()` to the React and Vue generators.
//
//   node scripts/custom-elements.mjs           write the manifests
//   node scripts/custom-elements.mjs --check   exit 1 when a committed manifest is out of date
//
// The analyzer's Lit support reads a `static properties` object literal and the `declare` fields
// (types, one-line docs, constructor defaults), but four house habits need a small plugin
// (kumoManifestPlugin below):
// - options spread into `static properties` from another module (`...playerProperties`) are
//   followed, with the attribute Lit really uses (lowercased name unless `attribute` says);
// - `state: true` properties are internal: no attribute, and public ones are marked readonly;
// - events are classes (`new KumoUploadSuccessEvent(file, info)`): the analyzer takes the first
//   constructor argument for the event's name, so names come from each class's `static eventName`
//   and every documented `@event` gets its class as its type;
// - registration goes through `defineElement(tag, Class)` from @kumo/ui, not customElements.define.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Element packages, in dependency order: later ones inherit members from earlier manifests. */
export const ELEMENT_PACKAGES = ['ui', 'upload-widget', 'video-player'];

/** The elements apps use directly, which get React components and Vue typings (not sub-elements). */
export const FRAMEWORK_ELEMENTS = [
  { package: 'upload-widget', tagName: 'kumo-upload-widget' },
  { package: 'video-player', tagName: 'kumo-video-player' },
];

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'testing']);

/** `src/**\/*.ts` of a package, without tests, declaration files and test helpers; sorted. */
function sourceFiles(packageDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        !entry.name.endsWith('.d.ts')
      ) {
        found.push(relative(packageDir, path).split('\\').join('/'));
      }
    }
  };
  walk(join(packageDir, 'src'));
  return found.sort();
}

/** The options object of `static properties = { ... }` in a class, if any. */
function staticPropertiesObject(classNode) {
  for (const member of classNode.members ?? []) {
    const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || member.name?.getText() !== 'properties') continue;
    let value = member.initializer;
    while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value))) value = value.expression;
    if (value && ts.isObjectLiteralExpression(value)) return value;
  }
  return undefined;
}

const optionIsTrue = (options, key) =>
  options.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      p.name.getText() === key &&
      p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );

/** The string a `static eventName = x` initializer stands for: a literal or a module-level const. */
function eventNameOf(initializer, sourceFile) {
  if (ts.isStringLiteralLike(initializer)) return initializer.text;
  if (!ts.isIdentifier(initializer)) return undefined;
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText() === initializer.text && declaration.initializer) {
        return ts.isStringLiteralLike(declaration.initializer) ? declaration.initializer.text : undefined;
      }
    }
  }
  return undefined;
}

/** The module path (as in the manifest) a class name comes from, following relative imports. */
function moduleOfName(name, sourceFile, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    if (!bindings.elements.some((e) => e.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return { package: specifier };
    return { module: posix.join(posix.dirname(modulePath), specifier).replace(/\.js$/, '.ts') };
  }
  return { module: modulePath };
}

/** The object literal a top-level `const name = { … }` of `sourceFile` holds, if any. */
function objectConst(sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(sourceFile) !== name) continue;
      let value = declaration.initializer;
      while (value && (ts.isAsExpression(value) || ts.isSatisfiesExpression(value))) value = value.expression;
      return value && ts.isObjectLiteralExpression(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The object literal behind a spread `...name` in `static properties`, here or in a relative import. */
function spreadObject(identifier, sourceFile, packageDir) {
  const local = objectConst(sourceFile, identifier);
  if (local) return local;
  const from = moduleOfName(identifier, sourceFile, sourceFile.fileName);
  if (!from.module || from.module === sourceFile.fileName) return undefined;
  let source;
  try {
    source = readFileSync(join(packageDir, from.module), 'utf8');
  } catch {
    return undefined;
  }
  return objectConst(ts.createSourceFile(from.module, source, ts.ScriptTarget.ES2022, true), identifier);
}

/**
 * Every `name: { …options }` of a class's `static properties`, including those spread in from an
 * object declared elsewhere (`...playerProperties`), which the Lit plugin does not follow.
 * Spreads of another class's `properties` are left to inheritance.
 */
function declaredProperties(classNode, packageDir) {
  const found = [];
  const visit = (object) => {
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) {
        found.push({ name: property.name.getText(), options: property.initializer });
      } else if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression)) {
        const spread = spreadObject(property.expression.text, classNode.getSourceFile(), packageDir);
        if (spread) visit(spread);
      }
    }
  };
  const own = staticPropertiesObject(classNode);
  if (own) visit(own);
  return found;
}

const optionValue = (options, key) =>
  options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === key)?.initializer;

/**
 * Brings a member and the class's attributes in line with its Lit property options: the attribute
 * Lit really observes (the lowercased name unless `attribute` says otherwise, none for `false`),
 * `reflect`, and `state: true` for internal state (no attribute; read-only when public).
 */
function applyDeclaration(classDoc, name, options) {
  const member = classDoc?.members?.find((m) => m.name === name && m.kind === 'field');
  if (!classDoc || !member) return;
  classDoc.attributes = (classDoc.attributes ?? []).filter((a) => a.fieldName !== name);
  delete member.attribute;
  delete member.reflects;
  if (optionIsTrue(options, 'state')) {
    if ((member.privacy ?? 'public') === 'public') member.readonly = true;
    return;
  }
  const attribute = optionValue(options, 'attribute');
  if (attribute?.kind === ts.SyntaxKind.FalseKeyword) return;
  const attributeName = attribute && ts.isStringLiteralLike(attribute) ? attribute.text : name.toLowerCase();
  member.attribute = attributeName;
  if (optionIsTrue(options, 'reflect')) member.reflects = true;
  const attributeDoc = { ...member, name: attributeName, fieldName: name };
  for (const key of ['kind', 'static', 'privacy', 'reflects', 'attribute', 'readonly'])
    delete attributeDoc[key];
  classDoc.attributes.push(attributeDoc);
}

/** See the header: `state` properties, event classes and `defineElement` calls. */
export function kumoManifestPlugin(packageDir) {
  /** Event class name → { name, module } for every class with a `static eventName`. */
  const eventClasses = new Map();
  const warnings = [];
  return {
    name: 'kumo-manifest',
    warnings,
    analyzePhase({ node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.text);
        for (const { name, options } of declaredProperties(node, packageDir)) {
          applyDeclaration(classDoc, name, options);
        }
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (!isStatic || member.name?.getText() !== 'eventName' || !ts.isPropertyDeclaration(member))
            continue;
          const name = member.initializer && eventNameOf(member.initializer, node.getSourceFile());
          if (name) eventClasses.set(node.name.text, { name, module: moduleDoc.path });
        }
      }
      // defineElement('kumo-x', KumoX) → the same definition export customElements.define gets.
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'defineElement' &&
        node.arguments.length >= 2 &&
        ts.isStringLiteralLike(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        const className = node.arguments[1].text;
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: node.arguments[0].text,
          declaration: { name: className, ...moduleOfName(className, node.getSourceFile(), moduleDoc.path) },
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const byEventName = new Map(
        [...eventClasses].map(([className, info]) => [info.name, { className, ...info }]),
      );
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement || !declaration.events) continue;
          const events = new Map();
          // Documented events first, in the header's order; dispatched ones merge into them.
          const ordered = [...declaration.events].sort(
            (a, b) => Number(Boolean(a.type)) - Number(Boolean(b.type)),
          );
          for (const event of ordered) {
            // A dispatched `new SomeEvent(...)` names its class; its real name is the class's.
            const dispatched = event.type?.text && eventClasses.get(event.type.text);
            const name = dispatched ? dispatched.name : event.name;
            if (!name || (!dispatched && event.type?.text && !event.description)) continue;
            const known = byEventName.get(name);
            const merged = { ...events.get(name), ...event, name };
            if (events.get(name)?.description) merged.description = events.get(name).description;
            if (known) {
              merged.type = {
                text: known.className,
                references: [{ name: known.className, module: known.module }],
              };
            }
            events.set(name, merged);
          }
          for (const event of events.values()) {
            if (!event.description && declaration.tagName) {
              warnings.push(
                `${declaration.tagName} fires ${event.name}, which its JSDoc header does not list`,
              );
            }
          }
          declaration.events = [...events.values()];
        }
      }
    },
  };
}

/** The manifest of one package; `dependencies` are earlier manifests its classes may extend. */
export function analyzePackage(name, dependencies = []) {
  const packageDir = join(repoRoot, 'packages', name);
  const modules = sourceFiles(packageDir).map((file) =>
    ts.createSourceFile(file, readFileSync(join(packageDir, file), 'utf8'), ts.ScriptTarget.ES2022, true),
  );
  const plugin = kumoManifestPlugin(packageDir);
  const manifest = create({
    modules,
    plugins: [...litPlugin(), plugin],
    context: { dev: false, thirdPartyCEMs: dependencies },
  });
  return { manifest, warnings: plugin.warnings };
}

export const manifestPath = (name) => join(repoRoot, 'packages', name, 'custom-elements.json');

export function readManifest(name) {
  return JSON.parse(readFileSync(manifestPath(name), 'utf8'));
}

/** Package-relative paths of the modules `entry` imports, directly or not, through relative imports. */
function modulesImportedBy(packageDir, entry) {
  const seen = new Set([entry]);
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop();
    let source;
    try {
      source = readFileSync(join(packageDir, file), 'utf8');
    } catch {
      continue;
    }
    const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, false);
    for (const statement of tree.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = posix.join(posix.dirname(file), specifier.text).replace(/\.js$/, '.ts');
      if (!seen.has(target)) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return seen;
}

/**
 * What a framework wrapper needs to know about each element of a package, from its manifest:
 * tag, class, settable properties (public, writable, instance fields, inherited ones included),
 * events with their classes, and the package entry point that registers it.
 */
export function readElements(name) {
  const manifest = readManifest(name);
  const packageJson = JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8'));
  const entryFor = (modulePath) => {
    const built = `./${modulePath.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')}`;
    for (const [subpath, target] of Object.entries(packageJson.exports ?? {})) {
      const file = typeof target === 'string' ? target : (target.import ?? target.default);
      if (file === built)
        return subpath === '.' ? packageJson.name : `${packageJson.name}/${subpath.slice(2)}`;
    }
    return undefined;
  };
  const definitions = manifest.modules.flatMap((mod) =>
    (mod.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition')
      .map((e) => ({ tagName: e.name, className: e.declaration.name, module: mod.path })),
  );
  // The package's `./define` entry registers its elements together (sub-elements included); an
  // element it reaches is registered through it, the others through their own define module.
  const packageDefine = packageJson.exports?.['./define'] ? 'src/define.ts' : undefined;
  const reachable = packageDefine
    ? modulesImportedBy(join(repoRoot, 'packages', name), packageDefine)
    : new Set();
  const defineEntryFor = (modulePath) =>
    reachable.has(modulePath) ? `${packageJson.name}/define` : entryFor(modulePath);
  const elements = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const definition = definitions.find((d) => d.tagName === declaration.tagName);
      const properties = (declaration.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public')
        .map((m) => ({
          name: m.name,
          attribute: m.attribute,
          type: m.type?.text,
          description: m.description,
        }));
      const events = (declaration.events ?? [])
        .filter((e) => e.name)
        .map((e) => ({ name: e.name, className: e.type?.references?.[0]?.name, description: e.description }));
      elements.push({
        tagName: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary,
        module: mod.path,
        packageName: packageJson.name,
        defineEntry: definition ? defineEntryFor(definition.module) : undefined,
        properties,
        events,
      });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Names the package's main entry (`src/index.ts`) exports, per its manifest. */
export function packageExports(name) {
  const index = readManifest(name).modules.find((mod) => mod.path === 'src/index.ts');
  return new Set((index?.exports ?? []).filter((e) => e.kind === 'js').map((e) => e.name));
}

/** Words of `text` in lines of at most `width` characters (paragraphs kept). */
function wrap(text, width) {
  return text.split('\n\n').flatMap((paragraph, index) => {
    const lines = index > 0 ? [''] : [];
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  });
}

/** A JSDoc comment holding `text`: one line when it fits, else wrapped at the house width. */
export const docComment = (text, indent = '') => {
  const oneLine = `${indent}/** ${text.trim().replace(/\s+/g, ' ')} */\n`;
  if (!text.includes('\n\n') && oneLine.length <= 111) return oneLine;
  const lines = wrap(text.trim(), 100 - indent.length);
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
};

/** Formats `source` (and sorts its imports) as Biome would, so generated files pass `biome check` as written. */
export function formatSource(source, path) {
  const biome = join(repoRoot, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['check', '--write', `--stdin-file-path=${relative(repoRoot, path)}`], {
    cwd: repoRoot,
    input: source,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`biome could not format ${path}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * Replaces the files of a generated folder with `files` (name → source), or with `check` only
 * reports (exit code 1) what differs.
 */
export function writeGenerated(dir, files, { check, label }) {
  const rel = relative(repoRoot, dir);
  let existing = [];
  try {
    existing = readdirSync(dir);
  } catch {
    // Not generated yet.
  }
  if (check) {
    const read = (file) => {
      try {
        return readFileSync(join(dir, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    const stale = [
      ...[...files.keys()].filter((file) => read(file) !== files.get(file)),
      ...existing.filter((file) => !files.has(file)),
    ];
    for (const file of stale) console.error(`${label}: ${rel}/${file} is out of date`);
    if (stale.length > 0) process.exitCode = 1;
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (const file of existing) if (!files.has(file)) rmSync(join(dir, file));
  for (const [file, source] of files) writeFileSync(join(dir, file), source);
  console.log(`${label}: wrote ${[...files.keys()].map((file) => `${rel}/${file}`).join(', ')}`);
}

async function main() {
  const check = process.argv.includes('--check');
  const done = [];
  let stale = false;
  for (const name of ELEMENT_PACKAGES) {
    const { manifest, warnings } = analyzePackage(name, done);
    done.push(manifest);
    for (const warning of warnings) console.warn(`custom-elements: ${name}: ${warning}`);
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    const path = manifestPath(name);
    const rel = relative(repoRoot, path);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // Missing counts as stale.
      }
      if (current !== text) {
        stale = true;
        console.error(`custom-elements: ${rel} is out of date; run node scripts/custom-elements.mjs`);
      }
    } else {
      writeFileSync(path, text);
      const tags = manifest.modules.flatMap((m) =>
        (m.declarations ?? []).filter((d) => d.tagName).map((d) => d.tagName),
      );
      console.log(`custom-elements: ${rel} (${tags.join(', ') || 'no elements yet'})`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
