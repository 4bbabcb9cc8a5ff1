import { devWarningsEnabled, warnInDev } from '@kumo/ui/dev';
import type { TextOption, TextOverrides } from '../locales/text-overrides.js';
import type { LazyPartsController } from './lazy-parts.js';
import type { UploadWidgetOptions } from './upload-widget.types.js';

const loadTextOption = () => import('../locales/text-option.js');
const loadConfigurationProblems = () => import('./configuration-problems.js');

/**
 * The options whose code loads only when they are used, so that a page that does not set them never
 * downloads it: `text` (checking its keys takes every string of every part) and the development
 * checks of the configuration (skipped in production builds). The work
 * is tracked by the widget's `LazyPartsController`, so `updateComplete` waits for it; once the code
 * has loaded, later widgets apply these options at once.
 */
export class LazyOptions {
  /** Whether the last `text` given is still being read. */
  textPending = false;

  private textRun = 0;

  constructor(
    private readonly loads: LazyPartsController,
    private readonly applyText: (overrides: TextOverrides) => void,
  ) {}

  /** Normalizes `text` and hands the overrides to the widget. */
  text(text: TextOption | undefined): void {
    const run = ++this.textRun;
    this.textPending = text != null;
    if (!this.textPending) {
      this.applyText({});
      return;
    }
    this.loads.run(loadTextOption, ({ normalizeText }) => {
      if (run !== this.textRun) return;
      this.textPending = false;
      this.applyText(normalizeText(text));
    });
  }

  /** Reports what is missing or invalid in the options, while development warnings are on. */
  check(options: () => UploadWidgetOptions): void {
    if (!devWarningsEnabled()) return;
    this.loads.run(loadConfigurationProblems, ({ configurationProblems }) => {
      for (const problem of configurationProblems(options())) warnInDev(problem.code, problem.message);
    });
  }
}
