/**
 * The delete control Cloudinary's loader put on a thumbnail whose upload returned a `delete_token`:
 * it calls `delete_by_token` (no signature: the token is the authority, for ten minutes after the
 * upload), then removes the thumbnail and its form value and fires `cloudinarywidgetdeleted`.
 */
import type { UploadResponse } from '@kumo/core';

/** Where and how a thumbnail's asset is deleted. */
export interface ThumbnailDeletion {
  /** `{apiBase}/v1_1/{cloud}/delete_by_token`. */
  readonly endpoint: string;
  /** The hidden form input that carries this upload, removed with the thumbnail. */
  readonly input?: Element;
}

/** Cloudinary's event name, fired (bubbling) on the thumbnails container; `detail` is the upload response. */
export const THUMBNAIL_DELETED_EVENT = 'cloudinarywidgetdeleted';

/** `{apiBase}/v1_1/{cloud}/delete_by_token`, relative to the page when `apiBase` is empty. */
export function deleteByTokenEndpoint(apiBase: string, cloudName: string): string {
  return `${apiBase.replace(/\/+$/, '')}/v1_1/${encodeURIComponent(cloudName)}/delete_by_token`;
}

/** Adds the delete button to `item`, a thumbnail of `info` inside `container`. */
export function addDeleteControl(
  container: Element,
  item: HTMLLIElement,
  info: UploadResponse & { delete_token: string },
  deletion: ThumbnailDeletion,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cloudinary-delete';
  button.setAttribute('aria-label', `Delete ${info.original_filename ?? info.public_id}`);
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = '×';
  button.append(mark);
  button.addEventListener('click', async () => {
    button.disabled = true;
    const problem = await deleteByToken(deletion.endpoint, info.delete_token);
    if (problem === undefined) {
      item.remove();
      deletion.input?.remove();
      container.dispatchEvent(new CustomEvent(THUMBNAIL_DELETED_EVENT, { bubbles: true, detail: info }));
      return;
    }
    button.disabled = false;
    let message = item.querySelector(':scope > .cloudinary-delete-error');
    if (!message) {
      message = document.createElement('span');
      message.className = 'cloudinary-delete-error';
      message.setAttribute('role', 'alert');
      item.append(message);
    }
    message.textContent = problem;
  });
  item.append(button);
  return button;
}

/** Undefined when the server deleted the asset, else the reason it did not. */
async function deleteByToken(endpoint: string, token: string): Promise<string | undefined> {
  try {
    const response = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ token }) });
    if (response.ok) return undefined;
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { message?: unknown } }
      | undefined;
    const message = body?.error?.message;
    return typeof message === 'string' && message ? message : `Delete failed (HTTP ${response.status})`;
  } catch {
    return 'Delete failed: the server could not be reached';
  }
}
