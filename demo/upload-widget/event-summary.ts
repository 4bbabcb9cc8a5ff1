// One line per widget event for the studio's event log: the facts a person checks while trying the
// widget (names, sizes, public ids, reasons), not the whole payload.

type Payload = Record<string, unknown>;

const bytes = (value: unknown) =>
  typeof value === 'number' ? `${value.toLocaleString('en')} B` : String(value ?? '?');

const nameOf = (file: unknown) => String((file as Payload | undefined)?.name ?? '?');

function list(values: unknown, describe: (value: unknown) => string): string {
  const items = Array.isArray(values) ? values : [];
  return items.length === 0 ? 'none' : items.map(describe).join(', ');
}

/** A short description of what an event reports, from its `detail`. */
export function summarizeEvent(name: string, event: Payload): string {
  switch (name) {
    case 'kumo-upload-added':
    case 'kumo-upload-restored':
      return list(event.files, (file) => `${nameOf(file)} (${bytes((file as Payload).size)})`);
    case 'kumo-upload-rejected':
      return list(event.rejections, (rejection) => {
        const { name: file, reason } = rejection as Payload;
        return `${String(file)}: ${String(reason)}`;
      });
    case 'kumo-upload-progress': {
      const totals = (event.totals ?? {}) as Payload;
      return `${nameOf(event.file)} · ${String(totals.percent ?? 0)}% of all (${bytes(totals.bytesUploaded)} / ${bytes(totals.bytesTotal)})`;
    }
    case 'kumo-upload-success': {
      const info = (event.info ?? {}) as Payload;
      return `${nameOf(event.file)} → ${String(info.public_id)} (${bytes(info.bytes)})`;
    }
    case 'kumo-upload-error': {
      const error = (event.error ?? {}) as Payload;
      const status = error.status === undefined ? '' : ` [${String(error.status)}]`;
      return `${nameOf(event.file)}: ${String(error.message ?? 'failed')}${status}`;
    }
    case 'kumo-upload-abort':
    case 'kumo-upload-retry':
      return event.all ? 'all files' : list(event.ids, String);
    case 'kumo-queue-end':
      return `${list(event.successful, nameOf)} uploaded; ${Array.isArray(event.failed) ? event.failed.length : 0} failed`;
    case 'kumo-display-changed':
      return String(event.state);
    case 'kumo-source-changed':
      return String(event.source);
    case 'kumo-batch-cancelled':
      return String(event.reason);
    case 'kumo-public-id-changed':
      return typeof event.id === 'string' && event.id !== '' ? event.id : 'none';
    case 'kumo-tags-changed':
      return list(event.tags, String);
    case 'kumo-show-completed':
      return list(event.items, nameOf);
    default:
      return '';
  }
}
