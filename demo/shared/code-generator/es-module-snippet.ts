// Flavour (b): the npm package's define entry, the element as markup, and properties where markup
// cannot carry a value (objects, lists with spaces, `false`).
import type { ElementDescription } from './code-generator.types.js';
import { isIdentifier, jsLiteral, jsString } from './js-literal.js';
import { escapeAttribute } from './markup-escape.js';
import { attributeText, nonDefaultOptions } from './snippet-options.js';

const I1 = '  ';
const I2 = '    ';
const str = (value: string) => jsString(value, 'html-script');

/** Markup for the element with its non-default options as attributes, one per line. */
function elementMarkup(tag: string, attributes: readonly string[]): string {
  if (attributes.length === 0) return `<${tag}></${tag}>`;
  if (attributes.length === 1) return `<${tag} ${attributes[0]}></${tag}>`;
  return [`<${tag}`, ...attributes.map((attribute) => `  ${attribute}`), `></${tag}>`].join('\n');
}

/** An HTML page fragment: `import '<package>/define'` in a module script, the element, its properties. */
export function esModuleSnippet(description: ElementDescription): string {
  const instance = description.embed.instance;
  const attributes: string[] = [];
  const properties: string[] = [];
  for (const option of nonDefaultOptions(description)) {
    const text = attributeText(option);
    if (text === true) attributes.push(option.spec.attribute as string);
    else if (text !== undefined) attributes.push(`${option.spec.attribute}="${escapeAttribute(text)}"`);
    else {
      const target = isIdentifier(option.property) ? `.${option.property}` : `[${str(option.property)}]`;
      const head = `${I1}${instance}${target} = `;
      const literal = jsLiteral(option.value, {
        indent: I1,
        prefix: head.length - I1.length,
        suffix: 1,
        context: 'html-script',
      });
      properties.push(`${head}${literal};`);
    }
  }
  const listeners = description.events.flatMap((event) => [
    `${I1}${instance}.addEventListener(${str(event.name)}, (event) => {`,
    `${I2}console.log(${str(event.name)}, ${event.payload ? `event.${event.payload}` : 'event'});`,
    `${I1}});`,
  ]);

  const script = [`${I1}import ${str(`${description.packageName}/define`)};`];
  if (properties.length > 0 || listeners.length > 0) {
    script.push('', `${I1}const ${instance} = document.querySelector(${str(description.tag)});`);
    script.push(...properties, ...listeners);
  }
  return [
    `<!-- npm install ${description.packageName} -->`,
    elementMarkup(description.tag, attributes),
    '',
    '<script type="module">',
    ...script,
    '</script>',
    '',
  ].join('\n');
}
