import type { Kysely } from 'kysely';
import { assetFromRow } from '../catalog/asset-catalog.js';
import type { CatalogSchema } from '../catalog/schema.js';
import { cloudinaryTime, resourceSummary } from './asset-response.js';
import { parseSearchRequest, searchAssets } from './search/index.js';

/** `POST /resources/search`: the search engine's hits in Cloudinary's response shape. */
export class SearchService {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async search(cloud: string, body: unknown, baseUrl: string) {
    const started = performance.now();
    const request = parseSearchRequest(body);
    const result = await searchAssets(this.db, request, { cloud });
    const withTags = request.withField.includes('tags');
    const withContext = request.withField.includes('context');
    const resources = result.hits.map((hit) => {
      const asset = assetFromRow(hit.row, hit.tags ?? []);
      const pixels =
        asset.width !== undefined && asset.height !== undefined ? asset.width * asset.height : undefined;
      return {
        ...resourceSummary(asset, baseUrl, { tags: withTags, context: withContext }),
        filename: asset.publicId.slice(asset.publicId.lastIndexOf('/') + 1),
        folder: hit.row.folder,
        uploaded_at: cloudinaryTime(asset.uploadedAt),
        etag: asset.etag,
        status: 'active',
        access_mode: 'public',
        ...(pixels !== undefined && asset.height
          ? { pixels, aspect_ratio: Math.round((asset.width! / asset.height) * 1e5) / 1e5 }
          : {}),
        ...(withContext && !Object.keys(asset.context).length ? { context: {} } : {}),
      };
    });
    return {
      total_count: result.totalCount,
      time: Math.round(performance.now() - started),
      resources,
      ...(result.nextCursor ? { next_cursor: result.nextCursor } : {}),
      ...(request.aggregate.length ? { aggregations: result.aggregations } : {}),
    };
  }
}
