import fs from 'node:fs/promises';
import path from 'node:path';
import type { ParsedDeliveryUrl } from '@kumo/core';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import type { DerivedAsset } from '../../catalog/derived-catalog.js';
import { encodeHls, posterFrame, storyboard, transcodeVideo } from '../../render/video/index.js';
import type { TempFiles } from '../temp-files.js';
import { contentTypeOf } from './content-types.js';
import { DeliveryError, fromStoredOriginal } from './delivery-error.js';
import { fromDerived } from './delivery-responses.js';
import type { DeliveryService } from './delivery-service.js';
import type { DeliveryResult, DerivedJob, VideoDelivery } from './delivery-types.js';
import { variantOf } from './render-inputs.js';

const TRANSCODE_FORMATS = new Set([
  'mp4',
  'webm',
  'mov',
  'mkv',
  'mp3',
  'm4a',
  'aac',
  'ogg',
  'opus',
  'wav',
  'flac',
]);
const POSTER_FORMATS = new Set(['jpg', 'jpeg', 'jpe', 'png', 'webp', 'avif', 'gif']);
const SPRITE_FORMATS = new Set(['jpg', 'png', 'webp', 'avif']);
const M3U8 = 'application/vnd.apple.mpegurl';
// While the ladder is still encoding, the master lists fewer renditions than it will.
const PARTIAL_MASTER_MAX_AGE = 2;

interface HlsProgress {
  master?: Buffer;
  readonly firstReady: Promise<void>;
  done: Promise<void>;
}

/**
 * Video delivery through the ffmpeg pipeline in `render/video`: transcodes, poster frames,
 * storyboards (decision 0003) and HLS ladders, all stored as derived assets.
 *
 * HLS files are named `<public id>.<file>` next to the master (`dog.m3u8` → `dog.240p.m3u8`,
 * `dog.240p_0000.ts`), so the playlists' relative URLs resolve under the master's URL with the same
 * transformation, version and signature. The master is answered as soon as the lowest rendition is
 * stored (with a short max-age) while the other renditions encode in the background.
 */
export class VideoDeliveryService implements VideoDelivery {
  private readonly hls = new Map<string, HlsProgress>();

  constructor(
    private readonly delivery: DeliveryService,
    private readonly assets: AssetCatalog,
    private readonly temp: TempFiles,
  ) {}

  async deliver(job: DerivedJob): Promise<DeliveryResult> {
    const board = job.transformation.findIndex((component) => component.effect?.name === 'storyboard');
    if (board >= 0) return this.storyboard(job, board);
    if (job.format === 'vtt') throw new DeliveryError(400, 'A .vtt URL needs an e_storyboard component');
    if (job.format === 'm3u8') return this.hlsMaster(job);
    if (job.format === 'mpd') throw new DeliveryError(400, 'DASH (.mpd) is not supported; use HLS (.m3u8)');
    if (job.format === 'ts') throw new DeliveryError(404, `Resource not found - ${job.parsed.publicId}`);
    if (POSTER_FORMATS.has(job.format)) return this.poster(job);
    const output = job.format || (TRANSCODE_FORMATS.has(job.asset.format) ? job.asset.format : 'mp4');
    if (!TRANSCODE_FORMATS.has(output)) throw new DeliveryError(400, `Unsupported video format ${output}`);
    return this.transcode(job, output);
  }

  /**
   * A rendition playlist or segment (`dog.240p_0000.ts`) of a stream whose master was requested:
   * undefined when the URL names no such file. With `encodeAgain` (its stored file was lost), a file
   * without a row is made by encoding the ladder again: files still stored keep their rows, the
   * catalog keeping the first of two equal renderings.
   */
  async hlsFile(
    parsed: ParsedDeliveryUrl,
    job: Pick<DerivedJob, 'transformation' | 'canonical' | 'cacheControl'>,
    encodeAgain: boolean,
  ) {
    const dot = parsed.publicId.lastIndexOf('.');
    if (dot <= 0 || !parsed.format) return undefined;
    const asset = await this.assets.getCached({
      cloud: parsed.cloudName,
      resourceType: 'video',
      type: parsed.type,
      publicId: parsed.publicId.slice(0, dot),
    });
    if (!asset) return undefined;
    const file = `${parsed.publicId.slice(dot + 1)}.${parsed.format}`;
    const id = this.delivery.derivedId(asset.assetId, asset.versionId, job.canonical, 'hls', `file=${file}`);
    const derived = await this.delivery.store.get(id);
    if (derived) return fromDerived(derived, undefined, 'cache', job.cacheControl);
    const profile = streamingProfileOf(job.transformation);
    if (!encodeAgain || !profile) return undefined;
    const masterId = this.delivery.derivedId(asset.assetId, asset.versionId, job.canonical, 'm3u8', '');
    // A ladder this joins may have stored the file before its row was dropped: then encode anew, once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const { progress, started } = this.ladder({ ...job, asset }, masterId, profile);
      await fromStoredOriginal(asset, () => progress.done);
      const encoded = await this.delivery.store.get(id);
      if (encoded) return fromDerived(encoded, undefined, 'render', job.cacheControl);
      if (started) break;
    }
    return undefined;
  }

  private async withSource<T>(
    job: Pick<DerivedJob, 'asset'>,
    task: (input: string) => Promise<T>,
  ): Promise<T> {
    const input = await this.delivery.store.toTempFile(job.asset.storageKey, 'video-source');
    try {
      return await task(input);
    } finally {
      await this.temp.remove(input);
    }
  }

  private async transcode(job: DerivedJob, output: string): Promise<DeliveryResult> {
    const rendered = await this.delivery.renderOnce(
      { asset: job.asset, canonical: job.canonical, format: job.format || output, variant: '' },
      () =>
        this.withSource(job, async (input) => {
          const file = `${this.temp.newPath('transcode')}.${output}`;
          const result = await transcodeVideo(input, job.transformation, {
            format: output,
            outputPath: file,
          });
          return {
            file,
            format: output,
            contentType: result.contentType,
            ...(result.info.hasVideo ? { width: result.info.width, height: result.info.height } : {}),
          };
        }),
    );
    return fromDerived(rendered.derived, rendered.data, rendered.source, job.cacheControl);
  }

  private async poster(job: DerivedJob): Promise<DeliveryResult> {
    const { asset, transformation, format, hints } = job;
    const rendered = await this.delivery.renderOnce(
      { asset, canonical: job.canonical, format, variant: variantOf(transformation, hints) },
      () =>
        this.withSource(job, async (input) => {
          const context = await this.delivery.imageContext(asset.cloud, transformation, hints, asset.tags);
          return posterFrame(input, transformation, { ...context, format });
        }),
    );
    return fromDerived(rendered.derived, rendered.data, rendered.source, job.cacheControl);
  }

  private async storyboard(job: DerivedJob, index: number): Promise<DeliveryResult> {
    const { asset, transformation } = job;
    if (index !== transformation.length - 1)
      throw new DeliveryError(400, 'Nothing may follow the e_storyboard component');
    const component = transformation[index]!;
    const [columns, count] = (component.effect?.args ?? []).map(Number);
    const size = (value: unknown) => (value === undefined ? undefined : Number(value));
    const wantsVtt = job.format === 'vtt';
    const spriteFormat = wantsVtt ? 'jpg' : job.format || 'jpg';
    if (!SPRITE_FORMATS.has(spriteFormat))
      throw new DeliveryError(
        400,
        `Storyboards are delivered as jpg, png, webp, avif or vtt, not ${spriteFormat}`,
      );
    const baseName = asset.publicId.slice(asset.publicId.lastIndexOf('/') + 1);
    const make = (format: string) =>
      this.withSource(job, (input) =>
        storyboard(input, {
          ...(columns !== undefined ? { columns } : {}),
          ...(count !== undefined ? { count } : {}),
          ...(size(component.width) !== undefined ? { tileWidth: size(component.width)! } : {}),
          ...(size(component.height) !== undefined ? { tileHeight: size(component.height)! } : {}),
          format,
          spriteUrl: `${encodeURIComponent(baseName)}.jpg`,
          transformation: transformation.slice(0, index),
          maxSpritePixels: this.delivery.maxOutputPixels,
        }),
      );
    const rendered = await this.delivery.renderOnce(
      { asset, canonical: job.canonical, format: wantsVtt ? 'vtt' : spriteFormat, variant: '' },
      async () => {
        const board = await make(spriteFormat);
        if (wantsVtt) {
          // The VTT's cues point at the jpg sprite: store it now, it is requested next.
          const spriteId = this.delivery.derivedId(asset.assetId, asset.versionId, job.canonical, 'jpg', '');
          if (!(await this.delivery.store.get(spriteId))) {
            await this.delivery.store.storeBytes(
              {
                id: spriteId,
                assetId: asset.assetId,
                cloud: asset.cloud,
                transformation: job.canonical,
                format: 'jpg',
                variant: '',
                contentType: board.contentType,
                ...dims(board),
                meta: { outputFormat: 'jpg' },
              },
              board.sprite,
            );
          }
          return { data: Buffer.from(board.vtt), format: 'vtt', contentType: contentTypeOf('vtt') };
        }
        return { data: board.sprite, format: board.format, contentType: board.contentType, ...dims(board) };
      },
    );
    return fromDerived(rendered.derived, rendered.data, rendered.source, job.cacheControl);
  }

  private async hlsMaster(job: DerivedJob): Promise<DeliveryResult> {
    const profile = streamingProfileOf(job.transformation);
    if (!profile) throw new DeliveryError(400, 'HLS (.m3u8) needs a streaming profile: sp_auto, sp_hd, …');
    const id = this.delivery.derivedId(job.asset.assetId, job.asset.versionId, job.canonical, 'm3u8', '');
    const stored = await this.delivery.store.get(id);
    if (stored) return fromDerived(stored, undefined, 'cache', job.cacheControl);
    const { progress, started } = this.ladder(job, id, profile);
    await Promise.race([progress.firstReady, progress.done]);
    const complete = await this.delivery.store.get(id);
    if (complete) return fromDerived(complete, undefined, started ? 'render' : 'shared', job.cacheControl);
    const master = progress.master ?? Buffer.alloc(0);
    return {
      body: { kind: 'bytes', data: master },
      bytes: master.length,
      contentType: M3U8,
      format: 'm3u8',
      etag: `partial-${id}-${master.length}`,
      maxAge: PARTIAL_MASTER_MAX_AGE,
      immutable: false,
      vary: [],
      source: started ? 'render' : 'shared',
    };
  }

  /** The encoding of a ladder: the one in progress in this process, or a new one. */
  private ladder(
    job: Pick<DerivedJob, 'asset' | 'transformation' | 'canonical'>,
    masterId: string,
    profile: string,
  ): { progress: HlsProgress; started: boolean } {
    const running = this.hls.get(masterId);
    if (running) return { progress: running, started: false };
    const progress = this.startHls(job, masterId, profile);
    this.hls.set(masterId, progress);
    void progress.done.catch(() => undefined).finally(() => this.hls.delete(masterId));
    return { progress, started: true };
  }

  /** Resolves once every HLS ladder encoding in the background has finished (used on shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.hls.values()].map((progress) => progress.done));
  }

  private startHls(
    job: Pick<DerivedJob, 'asset' | 'transformation' | 'canonical'>,
    masterId: string,
    profile: string,
  ): HlsProgress {
    const { asset, canonical } = job;
    const prefix = `${encodeURIComponent(asset.publicId.slice(asset.publicId.lastIndexOf('/') + 1))}.`;
    let markReady = () => {};
    const firstReady = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const progress: HlsProgress = { firstReady, done: Promise.resolve() };
    const store = (
      file: string,
      derived: Omit<DerivedAsset, 'storageKey' | 'bytes' | 'etag' | 'createdAt'>,
    ) => this.delivery.store.storeFile(derived, file);
    const entry = (file: string, format: string, contentType: string) => ({
      id: this.delivery.derivedId(asset.assetId, asset.versionId, canonical, 'hls', `file=${file}`),
      assetId: asset.assetId,
      cloud: asset.cloud,
      transformation: canonical,
      format,
      variant: `file=${file}`,
      contentType,
      meta: { outputFormat: format },
    });
    progress.done = this.delivery.queue.run(() =>
      this.withSource(job, async (input) => {
        const dir = this.temp.newPath('hls');
        await fs.mkdir(dir, { recursive: true });
        try {
          const result = await encodeHls(input, job.transformation, {
            profile,
            outputDir: dir,
            onRenditionReady: async (rendition, masterPath) => {
              for (const segment of rendition.segments) {
                const copy = this.temp.newPath('segment');
                await fs.copyFile(path.join(dir, segment), copy);
                await store(copy, entry(segment, 'ts', 'video/mp2t'));
              }
              const playlist = prefixUris(
                await fs.readFile(path.join(dir, rendition.playlist), 'utf8'),
                prefix,
              );
              await this.delivery.store.storeBytes(
                entry(rendition.playlist, 'm3u8', M3U8),
                Buffer.from(playlist),
              );
              progress.master = Buffer.from(prefixUris(await fs.readFile(masterPath, 'utf8'), prefix));
              markReady();
            },
          });
          const master = Buffer.from(prefixUris(await fs.readFile(result.masterPath, 'utf8'), prefix));
          await this.delivery.store.storeBytes(
            { ...entry('master.m3u8', 'm3u8', M3U8), id: masterId, format: 'm3u8', variant: '' },
            master,
          );
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      }),
    );
    return progress;
  }
}

/** The last streaming profile (`sp_…`) of a transformation. */
function streamingProfileOf(transformation: DerivedJob['transformation']): string | undefined {
  return [...transformation].reverse().find((c) => c.streamingProfile)?.streamingProfile;
}

/** Prefixes every URI line of a playlist (lines that are not tags or blank). */
function prefixUris(playlist: string, prefix: string): string {
  return playlist
    .split('\n')
    .map((line) => (line && !line.startsWith('#') ? prefix + line.trim() : line))
    .join('\n');
}

function dims(board: { width: number; height: number }) {
  return { width: board.width, height: board.height };
}
