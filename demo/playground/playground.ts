// Wires the playground form to evaluate(); the inputs live in the location hash so a view can be shared.
import { DEFAULT_INPUT, evaluate, type PlaygroundInput, pointAt } from './playground-state.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = byId<HTMLFormElement>('playground');
const fields = {
  transformation: byId<HTMLTextAreaElement>('transformation'),
  publicId: byId<HTMLInputElement>('public-id'),
  cloudName: byId<HTMLInputElement>('cloud-name'),
  baseUrl: byId<HTMLInputElement>('base-url'),
} satisfies Record<keyof PlaygroundInput, HTMLInputElement | HTMLTextAreaElement>;
const errorBox = byId<HTMLDivElement>('transformation-error');
const urlLink = byId<HTMLAnchorElement>('delivery-url');
const copyButton = byId<HTMLButtonElement>('copy-url');
const canonicalOutput = byId<HTMLOutputElement>('canonical');
const modelView = byId<HTMLPreElement>('model');

function readInput(): PlaygroundInput {
  return {
    transformation: fields.transformation.value,
    publicId: fields.publicId.value,
    cloudName: fields.cloudName.value,
    baseUrl: fields.baseUrl.value,
  };
}

function loadInput(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const [key, field] of Object.entries(fields)) {
    field.value = params.get(field.name) ?? DEFAULT_INPUT[key as keyof PlaygroundInput];
  }
}

function saveInput(): void {
  const params = new URLSearchParams();
  for (const field of Object.values(fields)) if (field.value) params.set(field.name, field.value);
  history.replaceState(null, '', `#${params}`);
}

function render(): void {
  const input = readInput();
  const result = evaluate(input);

  errorBox.replaceChildren();
  fields.transformation.setAttribute(
    'aria-invalid',
    String(!result.ok && result.error.position !== undefined),
  );
  if (!result.ok) {
    const { message, position } = result.error;
    const text = document.createElement('p');
    text.textContent = message;
    errorBox.append(text);
    if (position !== undefined) {
      const pointer = document.createElement('pre');
      pointer.textContent = pointAt(input.transformation.trim(), position);
      errorBox.append(pointer);
    }
  }

  const url = result.ok ? result.url : '';
  urlLink.textContent = url || '—';
  if (url) urlLink.href = url;
  else urlLink.removeAttribute('href');
  copyButton.disabled = !url;
  canonicalOutput.value = result.canonical ?? '—';
  modelView.textContent = result.model === undefined ? '—' : JSON.stringify(result.model, null, 2);
}

function handleInput(): void {
  saveInput();
  render();
}

async function handleCopy(): Promise<void> {
  await navigator.clipboard.writeText(urlLink.href);
  copyButton.textContent = 'Copied';
  setTimeout(() => {
    copyButton.textContent = 'Copy';
  }, 1500);
}

loadInput();
render();
form.addEventListener('input', handleInput);
form.addEventListener('submit', (event) => event.preventDefault());
copyButton.addEventListener('click', handleCopy);
