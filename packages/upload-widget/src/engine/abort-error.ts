/** The error a cancelled wait or request rejects with, as `fetch` does. */
export function abortError(): DOMException {
  return new DOMException('The upload was aborted', 'AbortError');
}

/** True for the rejection of an aborted request or wait. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
