// One line per player event for the studio's event log: where playback was and what changed, not
// the whole payload.

type Payload = Record<string, unknown>;

const seconds = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value)
    ? `${value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`
    : '?';

/** A short description of what an event reports, from its `detail`. */
export function summarizePlayerEvent(name: string, detail: Payload): string {
  switch (name) {
    case 'kumo-play':
    case 'kumo-pause':
    case 'kumo-ended':
    case 'kumo-rebuffer-start':
      return `at ${seconds(detail.time)}`;
    case 'kumo-seeked':
      return `${seconds(detail.from)} → ${seconds(detail.time)}`;
    case 'kumo-progress-quartile':
      return `${String(detail.quartile ?? '?')} % played`;
    case 'kumo-quality-change': {
      const height = typeof detail.height === 'number' && detail.height > 0 ? `${detail.height}p` : 'unknown';
      return `${height}, level ${String(detail.level ?? '?')}${detail.auto ? ' (auto)' : ''}`;
    }
    case 'kumo-rebuffer-end':
      return `at ${seconds(detail.time)}, stalled ${String(detail.durationMs ?? '?')} ms`;
    case 'kumo-error': {
      const error = (detail.error ?? {}) as Payload;
      const status = error.status === undefined ? '' : ` [${String(error.status)}]`;
      return `${String(error.kind ?? 'error')}${status}: ${String(error.detail ?? '')} (${String(detail.source ?? '')})`;
    }
    case 'kumo-source-change':
      return String(detail.id ?? '');
    case 'kumo-playlist-item':
      return `item ${Number(detail.index ?? 0) + 1} of ${String(detail.length ?? '?')}`;
    default:
      return '';
  }
}
