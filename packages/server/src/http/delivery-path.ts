// Everything outside these prefixes is a delivery URL.
const API_PATH = /^\/(?:v1_1|api|health)(?:[/?]|$)/;

/** Whether a request path belongs to the delivery routes rather than an API. */
export function isDeliveryPath(url: string | undefined): boolean {
  return !API_PATH.test(url ?? '/');
}

/** Header-safe form of an error message (`X-Kumo-Error`, `X-Cld-Error`). */
export function errorHeaderValue(message: string): string {
  return message.replace(/[^\x20-\x7e]/g, '?').slice(0, 500);
}
