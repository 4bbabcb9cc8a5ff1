import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { VideoUnavailableError } from './video-errors.js';

/** The two executables the pipeline runs. */
export interface FfmpegTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

const cache = new Map<string, Promise<FfmpegTools>>();

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function locate(name: 'ffmpeg' | 'ffprobe', variable: string, env: NodeJS.ProcessEnv): Promise<string> {
  const configured = env[variable];
  if (configured) {
    // An explicit setting that points nowhere is a configuration mistake: say so rather than
    // silently running some other ffmpeg found on PATH.
    if (isAbsolute(configured) && (await isExecutable(configured))) return configured;
    throw new VideoUnavailableError(`${variable} is set to ${configured}, which is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  throw new VideoUnavailableError(
    `${name} is not installed: video rendering needs ffmpeg and ffprobe on PATH (or ${variable})`,
  );
}

/**
 * Finds ffmpeg and ffprobe: `KUMO_FFMPEG_PATH`/`KUMO_FFPROBE_PATH` when set, otherwise the first on
 * `PATH`. Rejects with `VideoUnavailableError` when either is missing. Cached per environment.
 */
export function findFfmpegTools(env: NodeJS.ProcessEnv = process.env): Promise<FfmpegTools> {
  const key = [env.KUMO_FFMPEG_PATH, env.KUMO_FFPROBE_PATH, env.PATH].join('\0');
  let found = cache.get(key);
  if (!found) {
    found = Promise.all([
      locate('ffmpeg', 'KUMO_FFMPEG_PATH', env),
      locate('ffprobe', 'KUMO_FFPROBE_PATH', env),
    ]).then(([ffmpeg, ffprobe]) => ({ ffmpeg, ffprobe }));
    // A failed lookup is not cached, so installing ffmpeg does not need a restart.
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}
