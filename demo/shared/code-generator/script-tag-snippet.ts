// Flavour (a): one script from the Kumo server and the Cloudinary-shaped `kumo.*` API, no build step.
import type { ElementDescription, SnippetValue } from './code-generator.types.js';
import { jsLiteral, jsString } from './js-literal.js';
import { escapeAttribute, escapeText } from './markup-escape.js';
import { attributeText, embedOptions, nonDefaultOptions } from './snippet-options.js';

// The script's content sits one level in; the call's arguments one more.
const I1 = '  ';
const I2 = '    ';
const str = (value: string) => jsString(value, 'html-script');

function callbackLines(description: ElementDescription): string[] {
  const reported = description.events.filter((event) => event.embedName !== undefined);
  if (reported.length === 0) return ['(error) => {', '  if (error) console.error(error);', '},'];
  return [
    '(error, result) => {',
    '  if (error) {',
    '    console.error(error);',
    '    return;',
    '  }',
    ...reported.map((event) => {
      const name = str(event.embedName as string);
      return `  if (result.event === ${name}) console.log(${name}, result.info);`;
    }),
    '},',
  ];
}

/** `<script src="…/embed/kumo.js">` plus a call to `kumo.<factory>` with the non-default options. */
export function scriptTagSnippet(description: ElementDescription): string {
  const { embed } = description;
  const { container, opener } = embed;
  const chosen = nonDefaultOptions(description);
  const options: Record<string, SnippetValue> = embedOptions(chosen);
  if (container?.option) options[container.option] = `#${container.id}`;

  const lines = [`<script src="${escapeAttribute(`${description.serverUrl}/embed/kumo.js`)}"></script>`];
  if (container) {
    const attributes = [`id="${escapeAttribute(container.id)}"`];
    for (const option of chosen) {
      if (!option.spec.embedAttribute) continue;
      const text = attributeText(option);
      if (text === true) attributes.push(option.spec.attribute as string);
      else if (text !== undefined) attributes.push(`${option.spec.attribute}="${escapeAttribute(text)}"`);
    }
    lines.push(`<${container.tag} ${attributes.join(' ')}></${container.tag}>`);
  }
  if (opener) {
    lines.push(
      `<button type="button" id="${escapeAttribute(opener.id)}">${escapeText(opener.label)}</button>`,
    );
  }
  lines.push('<script>');

  const call = `${I1}const ${embed.instance} = kumo.${embed.factory}(`;
  if (embed.events === 'callback') {
    const literal = jsLiteral(options, { indent: I2, multiline: true, context: 'html-script', suffix: 1 });
    lines.push(call, `${I2}${literal},`, ...callbackLines(description).map((line) => I2 + line), `${I1});`);
  } else {
    const target = container && !container.option ? `${str(container.id)}, ` : '';
    const literal = jsLiteral(options, {
      indent: I1,
      multiline: true,
      context: 'html-script',
      prefix: call.length - I1.length + target.length,
      suffix: 2,
    });
    lines.push(`${call}${target}${literal});`);
    for (const event of description.events) {
      if (event.embedName === undefined) continue;
      const name = str(event.embedName);
      lines.push(
        `${I1}${embed.instance}.on(${name}, (event) => {`,
        `${I2}console.log(${name}, event);`,
        `${I1}});`,
      );
    }
  }
  if (opener) {
    const open = `() => ${embed.instance}.${opener.method}()`;
    lines.push(`${I1}document.getElementById(${str(opener.id)}).addEventListener('click', ${open});`);
  }
  if (embed.callOnLoad) lines.push(`${I1}${embed.instance}.${embed.callOnLoad}();`);
  lines.push('</script>', '');
  return lines.join('\n');
}
