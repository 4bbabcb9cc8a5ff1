import type { MediaFailure } from './media-state.js';

/** How an HLS stream is played. */
export type HlsEngine = 'hls.js' | 'native' | 'none';

/**
 * Picks the HLS engine. hls.js wherever Media Source Extensions exist, even when the browser
 * claims native HLS: Chromium answers "maybe" to `canPlayType('application/vnd.apple.mpegurl')`,
 * yet hls.js gives the quality menu and consistent errors. Native HLS only without MSE (iOS
 * Safari before 17.1), and nothing when neither is there.
 */
export function chooseHlsEngine(support: {
  readonly mediaSource: boolean;
  readonly nativeHls: boolean;
}): HlsEngine {
  if (support.mediaSource) return 'hls.js';
  return support.nativeHls ? 'native' : 'none';
}

/** hls.js error fields the classification reads. */
export interface HlsErrorLike {
  readonly type: string;
  readonly details: string;
  readonly fatal: boolean;
  readonly response?: { readonly code?: number } | undefined;
  readonly error?: Error | undefined;
}

/** A playback failure from a fatal hls.js error. */
export function failureFromHls(data: HlsErrorLike): MediaFailure {
  const status = data.response?.code;
  const detail = `hls.js ${data.type}: ${data.details}${data.error?.message ? ` (${data.error.message})` : ''}`;
  if (status === 404 || status === 410) return { kind: 'not-found', status, detail };
  if (data.type === 'networkError') return { kind: 'network', ...(status ? { status } : {}), detail };
  if (data.type === 'mediaError') {
    const unsupported = /incompatible|codec|unsupported|addSourceBuffer/i.test(data.details);
    return { kind: unsupported ? 'unsupported' : 'decode', detail };
  }
  return { kind: 'unknown', detail };
}

/** A playback failure from the `<video>` element's `MediaError` code and, when probed, the HTTP status. */
export function failureFromMediaError(
  code: number | undefined,
  message: string,
  status?: number,
): MediaFailure {
  const detail = `MediaError ${code ?? '?'}${message ? `: ${message}` : ''}`;
  if (status === 404 || status === 410) return { kind: 'not-found', status, detail };
  if (status !== undefined && status >= 400) return { kind: 'network', status, detail };
  switch (code) {
    case 1:
      return { kind: 'aborted', detail };
    case 2:
      return { kind: 'network', detail };
    case 3:
      return { kind: 'decode', detail };
    case 4:
      // A network failure the element reports as "not supported" when the probe could not connect.
      return { kind: status === 0 ? 'network' : 'unsupported', detail };
    default:
      return { kind: 'unknown', detail };
  }
}

/** Of several candidates' failures, the one to show: a missing video beats other reasons. */
export function worstFailure(failures: readonly MediaFailure[]): MediaFailure | undefined {
  return failures.find((failure) => failure.kind === 'not-found') ?? failures[failures.length - 1];
}
