// Flavour (c): the React wrapper component with the options as props and the events as `on…` props.
import type { ElementDescription, SnippetValue } from './code-generator.types.js';
import { jsLiteral, jsString } from './js-literal.js';
import { nonDefaultOptions, reactEventProp } from './snippet-options.js';

const PROP_INDENT = '      ';

// JSX attribute strings are not JavaScript strings: no escapes, entities decoded, and `{`/`<`
// confuse readers. Plain text goes in quotes; anything else becomes a `{'…'}` expression.
const PLAIN_JSX_TEXT = /^[^"'&{}<>\\\p{Cc}\p{Zl}\p{Zp}\p{Cs}]*$/u;

function propText(name: string, value: SnippetValue): string {
  if (value === true) return name;
  if (typeof value === 'string' && PLAIN_JSX_TEXT.test(value)) return `${name}="${value}"`;
  if (typeof value === 'string') return `${name}={${jsString(value)}}`;
  const literal = jsLiteral(value, { indent: PROP_INDENT, prefix: name.length + 2, suffix: 1 });
  return `${name}={${literal}}`;
}

/** A module whose default export renders the wrapper component configured like the preview. */
export function reactSnippet(description: ElementDescription): string {
  const { component, packageName } = description.react;
  const props = nonDefaultOptions(description).map(({ property, value }) => propText(property, value));
  for (const event of description.events) {
    const logged = event.payload ? `event.${event.payload}` : 'event';
    props.push(`${reactEventProp(event)}={(event) => console.log(${jsString(event.name)}, ${logged})}`);
  }
  const element =
    props.length === 0
      ? [`    <${component} />`]
      : props.length === 1 && !props[0]?.includes('\n')
        ? [`    <${component} ${props[0]} />`]
        : [`    <${component}`, ...props.map((prop) => PROP_INDENT + prop), '    />'];
  return [
    `// npm install ${packageName} ${description.packageName}`,
    `import { ${component} } from ${jsString(packageName)};`,
    '',
    'export default function App() {',
    '  return (',
    ...element,
    '  );',
    '}',
    '',
  ].join('\n');
}
