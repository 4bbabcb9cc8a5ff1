/**
 * Cloudinary's `preBatch`: the page sees a batch of files before it joins the queue and may refuse
 * it. Part of the panel's code (loaded on first showing), since batches only come from the panel.
 */
import type { BatchFileInfo, PreBatchFunction } from './upload-widget.types.js';

/** `{name, size, type}` of each file; a web address counts as a file named after it, of unknown size. */
export function batchFiles(batch: readonly File[] | string): BatchFileInfo[] {
  if (typeof batch === 'string') return [{ name: batch, size: 0, type: '' }];
  return batch.map(({ name, size, type }) => ({ name, size, type }));
}

/**
 * Resolves true when the page lets the batch in (`callback()`), false when it cancels it
 * (`callback({ cancel: true })`) or throws: a check that failed lets nothing through.
 */
export function askPreBatch(preBatch: PreBatchFunction, files: readonly BatchFileInfo[]): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const answer = (result?: { readonly cancel?: boolean } | null) => resolve(result?.cancel !== true);
    try {
      const returned = preBatch(answer, { files });
      if (returned && typeof returned.then === 'function') returned.then(answer, () => resolve(false));
    } catch {
      resolve(false);
    }
  });
}
