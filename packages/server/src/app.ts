import path from 'node:path';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { openBackends } from './backends.js';
import { DerivedUsage } from './catalog/derived-usage.js';
import { TransformationCatalog } from './catalog/transformation-catalog.js';
import { WebhookQueue } from './catalog/webhook-queue.js';
import { type Config, ConfigError } from './config.js';
import { AdminGate } from './http/admin-auth.js';
import { registerAdminRoutes } from './http/admin-routes.js';
import { registerAssetCommandRoutes } from './http/asset-command-routes.js';
import { errorHeaderValue, isDeliveryPath } from './http/delivery-path.js';
import { registerDeliveryRoutes } from './http/delivery-routes.js';
import { registerEmbedRoutes } from './http/embed-routes.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerHealthRoute } from './http/health-route.js';
import { registerMediaLibraryTokenRoute } from './http/media-library-token-route.js';
import { registerSignRoute } from './http/sign-route.js';
import { registerTransformationRoutes } from './http/transformation-routes.js';
import { registerUploadRoutes } from './http/upload-routes.js';
import { AdminService } from './services/admin-service.js';
import type { AppServices } from './services/app-services.js';
import { ChunkedUploads } from './services/chunked-uploads.js';
import { checkConsistency } from './services/consistency-check.js';
import { VideoProbe } from './services/content-detection.js';
import { Credentials } from './services/credentials.js';
import { DeleteTokens } from './services/delete-tokens.js';
import { DeliveryService } from './services/delivery/delivery-service.js';
import { DerivedStore } from './services/delivery/derived-store.js';
import {
  EagerRenderer,
  EagerRenderingAssetCommands,
  EagerRenderingUploadService,
} from './services/delivery/eager-rendering.js';
import { VideoDeliveryService } from './services/delivery/video-delivery.js';
import { DerivedDeletion } from './services/derived-deletion.js';
import { MediaLibraryTokens } from './services/media-library-tokens.js';
import { SearchService } from './services/search-service.js';
import { TempFiles } from './services/temp-files.js';
import { TransformationService } from './services/transformation-service.js';
import { UploadAuthenticator } from './services/upload-auth.js';
import { Webhooks } from './services/webhooks.js';
import { SERVER_VERSION } from './version.js';

// The Upload API (single requests and chunks, and delete_by_token) is called from widgets on any
// site; everything else only from configured origins.
const PUBLIC_CORS_PATH = /^\/v1_1\/[^/]+\/(?:(?:[^/]+\/)?upload(?:_chunked)?|delete_by_token)(?:$|\?)/;

// The Node SDK sends some paths as one segment with the slashes encoded (`resources%2Fsearch`,
// `folders%2Fsearch`, `resources%2Fimage%2Fupload` for delete_derived_by_transformation,
// `streaming_profiles%2F<name>`), which the router would not split. Only that first segment is
// decoded: later segments (public ids, folder paths) keep their encoded slashes.
const ENCODED_SLASH_SEGMENT = /^(\/v1_1\/[^/?]+\/)((?:resources|folders|streaming_profiles)%2F[^/?]*)/i;

/** What tests may substitute in a server built by `createApp`. */
export interface AppRuntime {
  /** The clock `delete_token`s are issued and checked against. */
  readonly now?: () => number;
}

/**
 * Builds the server (catalog opened and migrated, storage ready, routes registered) without
 * listening, so that the CLI and tests start it the same way. Closing the app closes the catalog.
 */
export async function createApp(config: Config, runtime: AppRuntime = {}): Promise<FastifyInstance> {
  if (!config.clouds.length)
    throw new ConfigError('No cloud configured: set KUMO_URL=kumo://<key>:<secret>@<cloud>');
  const backends = await openBackends(config);
  const { assets, presets, storage } = backends;
  const temp = new TempFiles(path.join(config.dataDir, 'tmp'));
  await temp.prepare();
  const chunks = new ChunkedUploads(path.join(config.dataDir, 'chunks'), config.maxFileBytes);
  await chunks.expire(config.chunkTtlMs);
  const cleanUp = () =>
    checkConsistency(assets, storage, { removeOrphansOlderThanMs: config.orphanGraceMs, checkAssets: false });
  await cleanUp();
  const expiry = setInterval(() => {
    void chunks.expire(config.chunkTtlMs).catch(() => undefined);
    void cleanUp().catch(() => undefined);
  }, 3_600_000);
  expiry.unref();

  const credentials = new Credentials(config.clouds);
  const mediaLibraryTokens = new MediaLibraryTokens(credentials, config.mediaLibrary);
  const webhooks = new Webhooks(new WebhookQueue(backends.db), credentials, {
    globalUrl: config.webhooks.globalUrl,
    allow: config.remoteFetch.allow,
    timeoutMs: 10_000,
    maxAttempts: config.webhooks.maxAttempts,
    retryDelayMs: config.webhooks.retryDelayMs,
    pollMs: 5_000,
  });
  const namedTransformations = new TransformationCatalog(backends.db);
  const delivery = new DeliveryService(
    config,
    credentials,
    assets,
    namedTransformations,
    new DerivedStore(backends.derived, assets, storage, temp),
    temp,
  );
  const deleteTokens = new DeleteTokens(credentials, runtime.now);
  const uploads = new EagerRenderingUploadService(
    assets,
    storage,
    temp,
    chunks,
    new VideoProbe(),
    credentials,
    {
      maxFileBytes: config.maxFileBytes,
      remoteFetch: config.remoteFetch,
      deleteTokens,
    },
    webhooks,
  );
  const commands = new EagerRenderingAssetCommands(assets, storage, webhooks);
  const services: AppServices = {
    config,
    temp,
    uploadAuth: new UploadAuthenticator(credentials, presets),
    uploads,
    commands,
    deleteTokens,
    admin: new AdminService(assets, backends.folders, presets, storage, webhooks, {
      deletion: new DerivedDeletion(backends.derived, assets),
      usage: new DerivedUsage(backends.db),
    }),
    adminGate: new AdminGate(credentials, config.adminRateLimit, mediaLibraryTokens),
    search: new SearchService(backends.db),
    transformations: new TransformationService(namedTransformations),
    delivery,
  };

  const video = new VideoDeliveryService(delivery, assets, temp);
  delivery.video = video;
  const removeDerivedBlobs = assets.onDerivedRemoved;
  assets.onDerivedRemoved = (keys) => {
    removeDerivedBlobs?.(keys);
    delivery.forgetDerived(keys);
  };
  const eager = new EagerRenderer(assets, delivery);
  uploads.eager = eager;
  commands.eager = eager;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.publicUrl !== undefined,
    // Malformed URLs (bad percent-escapes) never reach a route; refuse them like any other bad input.
    frameworkErrors: (error, request, reply) => {
      if (isDeliveryPath(request.url)) {
        void reply.header('X-Kumo-Error', errorHeaderValue(error.message));
        void reply.header('X-Cld-Error', errorHeaderValue(error.message));
      }
      void (reply as FastifyReply).status(400).send({ error: { message: error.message } });
    },
    rewriteUrl: (request) =>
      (request.url ?? '/').replace(
        ENCODED_SLASH_SEGMENT,
        (_match, base: string, segment: string) => base + segment.replace(/%2F/gi, '/'),
      ),
  });
  app.addHook('onClose', async () => {
    clearInterval(expiry);
    // Renderings are answered before they finish storing, and eager_async renders and HLS ladders
    // run in the background: let that work land before storage closes.
    await Promise.allSettled([eager.settled(), video.settled()]);
    await delivery.stored();
    await webhooks.stop();
    await backends.close();
  });
  registerErrorHandling(app, config.maxFileBytes);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const params: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const previous = params[key];
        params[key] =
          previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
      }
      done(null, params);
    },
  );
  await app.register(multipart, {
    limits: {
      fileSize: config.maxFileBytes,
      files: 1,
      fields: 1000,
      fieldSize: config.maxBodyBytes,
      parts: 1001,
    },
  });
  await app.register(cors, {
    delegator: (request, callback) => {
      const isUpload = PUBLIC_CORS_PATH.test(request.url ?? '');
      const allowAll = isUpload || config.corsOrigins.includes('*');
      // Delivery responses are public and cached by CDNs: `*` keeps them free of `Vary: Origin`.
      const isDelivery = isDeliveryPath(request.url);
      callback(null, {
        origin: isDelivery ? '*' : allowAll ? true : [...config.corsOrigins],
        allowedHeaders: [
          'Content-Type',
          'Content-Range',
          'X-Unique-Upload-Id',
          'X-Upload-Part-Number',
          'X-Upload-Total-Parts',
          'X-Requested-With',
          'Authorization',
        ],
        exposedHeaders: [
          'X-FeatureRateLimit-Limit',
          'X-FeatureRateLimit-Remaining',
          'X-FeatureRateLimit-Reset',
        ],
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
        maxAge: 600,
      });
    },
  });

  webhooks.start();
  registerHealthRoute(app, SERVER_VERSION);
  registerUploadRoutes(app, services);
  registerAssetCommandRoutes(app, services);
  registerAdminRoutes(app, services);
  registerTransformationRoutes(app, services);
  registerSignRoute(app, config);
  registerMediaLibraryTokenRoute(app, config, mediaLibraryTokens);
  registerEmbedRoutes(app, config);
  registerDeliveryRoutes(app, delivery);
  return app;
}
