import { spawn } from 'node:child_process';
import { VideoRenderError } from './video-errors.js';

/** How to run one ffmpeg/ffprobe process. */
export interface RunOptions {
  readonly signal?: AbortSignal | undefined;
  /** Kill the process after this long; it then rejects with a 503 `VideoRenderError`. */
  readonly timeoutMs: number;
  /** Most bytes of stdout kept (the process is killed past it); default 1 MiB. */
  readonly maxStdout?: number;
  /** Text replaced in error messages (local paths → `input`), so messages do not leak server paths. */
  readonly redact?: Readonly<Record<string, string>>;
  /** What failed, for the error message (`Transcoding failed`). */
  readonly what: string;
}

/** Only the end of stderr is kept: that is where ffmpeg says why it stopped. */
const STDERR_KEEP = 16 * 1024;

function redactText(text: string, redact: Readonly<Record<string, string>> | undefined): string {
  let out = text;
  for (const [from, to] of Object.entries(redact ?? {})) if (from) out = out.split(from).join(to);
  return out;
}

/** The last few meaningful lines of ffmpeg's stderr, on one line (it may end up in an HTTP header). */
export function stderrSummary(stderr: string, redact?: Readonly<Record<string, string>>): string {
  const lines = redactText(stderr, redact)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^(Conversion failed!|Exiting normally)/.test(line));
  return lines.slice(-3).join(' / ').slice(0, 500);
}

/**
 * Runs a command with an argument array (never a shell). Resolves with stdout when it exits with 0;
 * otherwise rejects with a 400 `VideoRenderError` carrying the end of stderr, a 503 one on timeout, or
 * the signal's reason when aborted. The process is killed on abort and timeout.
 */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<Buffer> {
  const { signal, timeoutMs, maxStdout = 1024 * 1024, redact, what } = options;
  return new Promise<Buffer>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: unknown;
    let settled = false;

    const kill = (reason: unknown): void => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const onAbort = (): void => kill(signal?.reason);
    const timer = setTimeout(
      () => kill(new VideoRenderError(`${what}: timed out after ${Math.round(timeoutMs / 1000)} s`, 503)),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (error: unknown, value?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error !== undefined) reject(error);
      else resolve(value as Buffer);
    };

    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) {
        kill(new VideoRenderError(`${what}: output larger than ${maxStdout} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
      if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(-STDERR_KEEP);
    });
    child.on('error', (error) =>
      finish(new VideoRenderError(`${what}: ${error.message}`, 400, { cause: error })),
    );
    child.on('close', (code) => {
      if (failure !== undefined) finish(failure);
      else if (code === 0) finish(undefined, Buffer.concat(chunks));
      else {
        const detail = stderrSummary(stderr, redact) || `exit code ${String(code)}`;
        finish(new VideoRenderError(`${what}: ${detail}`));
      }
    });
  });
}
