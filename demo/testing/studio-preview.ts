// How the studio's end-to-end tests drive a widget page: open it on a configuration (the URL hash
// the page writes itself), wait until its preview shows that configuration, and read back what the
// previewed element was given.
import type { Page } from 'playwright-core';
import type { Flavour } from '../shared/code-generator/code-generator.js';

/** Opens the studio page at `pageUrl` on `hash` and waits until its preview shows it. */
export async function openStudioPage(page: Page, pageUrl: string, hash: string, tag: string): Promise<void> {
  await page.goto(hash ? `${pageUrl}#${hash}` : pageUrl);
  await waitForPreview(page, hash, tag);
}

/** Waits until #preview holds a defined `tag` element rendered from the configuration `hash`. */
export async function waitForPreview(page: Page, hash: string, tag: string): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) =>
      document.getElementById('preview')?.dataset.hash === expected &&
      !!document.querySelector(selector as string),
    [`#preview ${tag}`, hash],
  );
  await page.evaluate((name) => customElements.whenDefined(name), tag);
}

/** An element's configuration as the contract exposes it, as JSON: its `options`, `lang` and `theme`. */
export function configurationOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => {
    const configured = element as HTMLElement & { options: unknown; theme?: string };
    return JSON.stringify({
      options: configured.options,
      lang: configured.lang,
      theme: configured.theme ?? null,
    });
  });
}

/** The code the page shows in `flavour`'s tab. */
export async function generatedCode(page: Page, flavour: Flavour): Promise<string> {
  return (await page.locator(`code[data-flavour="${flavour}"]`).textContent()) ?? '';
}
