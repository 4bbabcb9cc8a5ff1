/**
 * Accessibility checks for element tests (Chromium only; not part of the build), with axe-core
 * loaded once per page.
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

let loading: Promise<AxeGlobal> | undefined;

/**
 * Loads axe-core (once) through the module loader: the test runner's CommonJS transform turns its
 * UMD build into a module with a default export.
 */
export function loadAxe(): Promise<AxeGlobal> {
  loading ??= import('axe-core').then((module) => {
    const axe = (module as { default?: AxeGlobal }).default ?? (module as unknown as AxeGlobal);
    if (typeof axe.run !== 'function') throw new Error('axe-core loaded without a run() function');
    return axe;
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
