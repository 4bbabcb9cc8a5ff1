// Flavour (d): a Vue single-file component using the element directly. Strings and `true` are
// attributes, numbers bound attributes; objects and lists are constants in `<script setup>` bound
// with `.prop`, so Vue sets the property (a list attribute would reach a same-named property as a string).
import type { ElementDescription } from './code-generator.types.js';
import { isIdentifier, jsLiteral, jsString } from './js-literal.js';
import { escapeAttribute } from './markup-escape.js';
import { attributeText, handlerName, nonDefaultOptions } from './snippet-options.js';

// Names a `<script setup>` constant cannot take.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof let new null return static super switch this throw ' +
    'true try typeof var void while with yield await implements interface package private protected public'
  ).split(' '),
);

const ATTRIBUTE_INDENT = '    ';

/** A `.vue` file: the custom-element note, `<script setup>` with the define import, the template. */
export function vueSnippet(description: ElementDescription): string {
  const attributes: string[] = [];
  const constants: string[] = [];
  const used = new Set(description.events.map(handlerName));
  for (const option of nonDefaultOptions(description)) {
    const { property, value, spec } = option;
    if (spec.attribute !== undefined && attributeText(option) === true) attributes.push(spec.attribute);
    else if (spec.attribute !== undefined && typeof value === 'string')
      attributes.push(`${spec.attribute}="${escapeAttribute(value)}"`);
    // Vue sets a static attribute whose name is also a property as that property, string and all;
    // bound, a number stays a number either way.
    else if (spec.attribute !== undefined && typeof value === 'number')
      attributes.push(`:${spec.attribute}="${jsLiteral(value)}"`);
    else if (
      typeof value === 'object' &&
      isIdentifier(property) &&
      !RESERVED.has(property) &&
      !used.has(property)
    ) {
      used.add(property);
      const head = `const ${property} = `;
      // `</script` inside a string would end the SFC's script block too.
      constants.push(
        `${head}${jsLiteral(value, { prefix: head.length, suffix: 1, context: 'html-script' })};`,
      );
      attributes.push(`:${property}.prop="${property}"`);
    } else {
      const literal = jsLiteral(value, { indent: ATTRIBUTE_INDENT, context: 'html-attribute' });
      attributes.push(`:${property}.prop="${literal}"`);
    }
  }
  const handlers: string[] = [];
  for (const event of description.events) {
    const name = handlerName(event);
    const logged = event.payload ? `event.${event.payload}` : 'event';
    handlers.push(
      '',
      `function ${name}(event) {`,
      `  console.log(${jsString(event.name, 'html-script')}, ${logged});`,
      '}',
    );
    attributes.push(`@${event.name}="${name}"`);
  }

  const tag = description.tag;
  const element =
    attributes.length === 0
      ? [`  <${tag} />`]
      : [`  <${tag}`, ...attributes.map((attribute) => ATTRIBUTE_INDENT + attribute), '  />'];
  const prefix = tag.split('-')[0];
  return [
    '<!--',
    `  Vue must treat <${prefix}-…> tags as custom elements. With Vite, in vite.config.js:`,
    `  vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('${prefix}-') } } })`,
    '-->',
    '<script setup>',
    `import ${jsString(`${description.packageName}/define`, 'html-script')};`,
    ...(constants.length > 0 ? ['', ...constants] : []),
    ...handlers,
    '</script>',
    '',
    '<template>',
    ...element,
    '</template>',
    '',
  ].join('\n');
}
