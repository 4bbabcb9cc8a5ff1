/**
 * Accessibility checks for element tests (Chromium only; not part of the build). axe-core ships
 * as a classic script that sets `window.axe`, so it is loaded with a `<script>` tag from the test
 * server, once per page.
 *
 * ```ts
 * import { expectNoAxeViolations } from '@kumo/ui/testing/axe';
 * await expectNoAxeViolations(element);
 * ```
 */
import type { AxeResults, ElementContext, Result, RunOptions } from 'axe-core';

interface AxeGlobal {
  run(context: ElementContext, options: RunOptions): Promise<AxeResults>;
}

const AXE_URL = '/node_modules/axe-core/axe.min.js';

let loading: Promise<AxeGlobal> | undefined;

/** Loads axe-core into the page (once) and returns it. */
export function loadAxe(): Promise<AxeGlobal> {
  loading ??= new Promise<AxeGlobal>((resolve, reject) => {
    const existing = (globalThis as { axe?: AxeGlobal }).axe;
    if (existing) {
      resolve(existing);
      return;
    }
    const script = document.createElement('script');
    script.src = AXE_URL;
    script.onload = () => {
      const axe = (globalThis as { axe?: AxeGlobal }).axe;
      if (axe) resolve(axe);
      else reject(new Error(`${AXE_URL} loaded but did not define window.axe`));
    };
    script.onerror = () => reject(new Error(`could not load ${AXE_URL}`));
    document.head.append(script);
  });
  return loading;
}

// Page-level rules judge a whole document (landmarks, a main heading), not one element in a test.
const PAGE_RULES = [
  'region',
  'landmark-one-main',
  'page-has-heading-one',
  'bypass',
  'document-title',
  'html-has-lang',
];

function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
  return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    at ${targets}`;
}

/**
 * Runs axe (WCAG 2.x A and AA, plus best practices) on `element` and its shadow trees, and throws
 * an error listing every violation. `disabledRules` switches rules off for one check; say why.
 */
export async function expectNoAxeViolations(
  element: Element,
  disabledRules: readonly string[] = [],
): Promise<void> {
  const axe = await loadAxe();
  const rules: Record<string, { enabled: boolean }> = {};
  for (const id of [...PAGE_RULES, ...disabledRules]) rules[id] = { enabled: false };
  const results = await axe.run(element, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules,
    resultTypes: ['violations'],
  });
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} accessibility violation(s):\n  ${results.violations.map(describeViolation).join('\n  ')}`,
    );
  }
}
