// The typical chain (fill + auto gravity, q_auto, f_auto, dpr 2) built with @kumo/core. The bench times
// this function and bench/entries/core-url.ts bundles it, so both measure the same code.
import { buildUrl } from '@kumo/core';

export const kumoTypicalUrl = (): string =>
  buildUrl('sample', {
    cloudName: 'demo',
    transformation: [
      { crop: 'fill', gravity: 'auto', width: 400, height: 300 },
      { quality: 'auto' },
      { format: 'auto' },
      { dpr: 2 },
    ],
  });
