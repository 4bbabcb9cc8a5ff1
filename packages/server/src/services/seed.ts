import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Asset } from '../catalog/asset.js';
import type { AssetCatalog } from '../catalog/asset-catalog.js';
import type { BlobStorage } from '../storage/blob-storage.js';
import { randomHex } from './asset-naming.js';

const FORMATS = ['jpg', 'png', 'webp'] as const;
const TAGS = ['product', 'shoe', 'bag', 'sale', 'new', 'summer', 'winter', 'red', 'blue', 'green'];

/**
 * Adds `count` synthetic image assets (small generated images, varied sizes, formats, folders and
 * tags) straight into storage and catalog, in batches, for load tests of listing and search.
 */
export async function seedAssets(
  catalog: AssetCatalog,
  storage: BlobStorage,
  options: { cloud: string; count: number; tempDir: string; onProgress?: (done: number) => void },
): Promise<number> {
  await fs.mkdir(options.tempDir, { recursive: true });
  const variants = await Promise.all(
    FORMATS.map(async (format, i) => {
      const width = 16 + i * 8;
      const height = 16 + ((i * 5) % 3) * 8;
      const bytes = await sharp({
        create: { width, height, channels: 3, background: { r: 40 * i, g: 120, b: 200 } },
      })
        .toFormat(format === 'jpg' ? 'jpeg' : format)
        .toBuffer();
      return { format, width, height, bytes, etag: createHash('md5').update(bytes).digest('hex') };
    }),
  );
  const runId = randomHex(3);
  const start = Date.now() - options.count * 1000;
  let done = 0;
  while (done < options.count) {
    const batch: Asset[] = [];
    for (let i = done; i < Math.min(done + 500, options.count); i++) {
      const variant = variants[i % variants.length]!;
      const assetId = randomHex(16);
      const version = Math.floor((start + i * 1000) / 1000);
      const versionId = randomHex(16);
      const storageKey = `${options.cloud}/image/${assetId}/${version}-${versionId}`;
      const file = path.join(options.tempDir, `seed-${assetId}`);
      await fs.writeFile(file, variant.bytes);
      await storage.putFile(storageKey, file);
      const createdAt = new Date(start + i * 1000).toISOString();
      batch.push({
        assetId,
        cloud: options.cloud,
        resourceType: 'image',
        type: 'upload',
        publicId: `seed/${runId}/folder-${i % 50}/asset-${i}`,
        format: variant.format,
        version,
        versionId,
        bytes: variant.bytes.length,
        width: variant.width,
        height: variant.height,
        pages: 1,
        media: {},
        context: {},
        tags: [TAGS[i % TAGS.length]!, TAGS[(i * 7 + 3) % TAGS.length]!].filter(
          (tag, k, all) => all.indexOf(tag) === k,
        ),
        etag: variant.etag,
        originalFilename: `asset-${i}`,
        displayName: `asset-${i}`,
        storageKey,
        placeholder: false,
        createdAt,
        uploadedAt: createdAt,
      });
    }
    await catalog.insertMany(batch);
    done += batch.length;
    options.onProgress?.(done);
  }
  return done;
}
