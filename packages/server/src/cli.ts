#!/usr/bin/env node
import path from 'node:path';
import { createApp } from './app.js';
import { openBackends } from './backends.js';
import { type Config, ConfigError, resolveConfig } from './config.js';
import { loadOrCreateDevCloud } from './dev-credentials.js';
import { createSampleAssets } from './samples/sample-assets.js';
import { checkConsistency } from './services/consistency-check.js';
import { seedAssets } from './services/seed.js';
import { SERVER_VERSION } from './version.js';

const USAGE = `Usage: kumo [serve] [options]
       kumo fsck [--repair] [options]
       kumo seed --count N [options]

serve  starts the Kumo media server (the default command).
fsck   checks catalog and storage against each other; --repair deletes orphan blobs and
       broken derived assets (they render again on their next request).
seed   adds N synthetic assets (for load tests).

Options (each also settable by environment variable):
  --port N              PORT               listening port (default 3000)
  --host ADDRESS        KUMO_HOST          listening address (default 127.0.0.1)
  --data-dir DIR        KUMO_DATA_DIR      data folder (default ./.kumo-data)
  --database-url URL    KUMO_DATABASE_URL  sqlite:<file> (default) or postgres://…
  --storage SPEC        KUMO_STORAGE       local (default), local:<dir> or s3://bucket?endpoint=…
  --cors-origins LIST   KUMO_CORS_ORIGINS  origins allowed to call the Admin API
  --public-url URL      KUMO_PUBLIC_URL    base of the URLs in API responses
  --max-file-bytes N    KUMO_MAX_FILE_BYTES largest accepted upload
  --log-level LEVEL     KUMO_LOG_LEVEL     fatal|error|warn|info|debug|trace|silent
  --no-samples          KUMO_SAMPLES=false do not create sample assets on first start
Credentials: KUMO_URL=kumo://<api_key>:<api_secret>@<cloud> (several separated by commas).
`;

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${SERVER_VERSION}\n`);
    return;
  }
  const command = first === undefined || first.startsWith('--') ? 'serve' : first;
  const options = command === first ? rest : argv;
  if (command === 'fsck') {
    const repair = options.includes('--repair');
    process.exitCode = await fsck(
      resolveConfig(
        process.env,
        options.filter((option) => option !== '--repair'),
      ),
      repair,
    );
    return;
  }
  if (command === 'seed') {
    const index = options.indexOf('--count');
    const count = Number(options[index + 1]);
    if (index < 0 || !Number.isSafeInteger(count) || count < 1)
      throw new ConfigError('kumo seed needs --count N (N ≥ 1)');
    await seed(
      resolveConfig(
        process.env,
        options.filter((_, i) => i !== index && i !== index + 1),
      ),
      count,
    );
    return;
  }
  if (command !== 'serve') throw new ConfigError(`Unknown command "${command}". Run kumo --help.`);
  await serve(resolveConfig(process.env, options));
}

/**
 * Compares catalog and storage; with `repair`, deletes orphan blobs and broken derived assets. Exit
 * code 1 when problems remain.
 */
async function fsck(config: Config, repair: boolean): Promise<number> {
  const backends = await openBackends(config);
  try {
    const report = await checkConsistency(backends.assets, backends.storage, {
      removeOrphansOlderThanMs: repair ? 0 : undefined,
      derived: backends.derived,
      removeBrokenDerived: repair,
    });
    for (const key of report.orphanBlobs)
      process.stdout.write(`orphan blob ${key}${repair ? ' (deleted)' : ''}\n`);
    for (const asset of report.brokenAssets) {
      process.stdout.write(
        `broken asset ${asset.cloud}/${asset.resourceType}/${asset.publicId}: ${asset.problem}\n`,
      );
    }
    for (const entry of report.brokenDerived) {
      const rendering = `${entry.transformation || '(no transformation)'}${entry.format ? ` .${entry.format}` : ''}`;
      process.stdout.write(
        `broken derived asset ${entry.id} (${entry.cloud}, asset ${entry.assetId}, ${rendering}): ${entry.problem}${repair ? ' (deleted)' : ''}\n`,
      );
    }
    const remaining =
      report.brokenAssets.length +
      report.orphanBlobs.length -
      report.removedOrphans +
      report.brokenDerived.length -
      report.removedDerived;
    process.stdout.write(
      `${report.orphanBlobs.length} orphan blob(s), ${report.brokenAssets.length} broken asset(s), ${report.brokenDerived.length} broken derived asset(s)${repair ? `, ${report.removedOrphans} orphan(s) deleted, ${report.removedDerived} derived asset(s) deleted` : ''}\n`,
    );
    return remaining === 0 ? 0 : 1;
  } finally {
    await backends.close();
  }
}

/** Adds `count` synthetic assets to the first cloud (or the development cloud). */
async function seed(initial: Config, count: number): Promise<void> {
  const cloud = initial.clouds[0]?.name ?? (await loadOrCreateDevCloud(initial.dataDir)).cloud.name;
  const backends = await openBackends(initial);
  try {
    const added = await seedAssets(backends.assets, backends.storage, {
      cloud,
      count,
      tempDir: path.join(initial.dataDir, 'tmp'),
    });
    process.stdout.write(`Added ${added} synthetic assets to cloud "${cloud}"\n`);
  } finally {
    await backends.close();
  }
}

async function serve(initial: Config): Promise<void> {
  let config = initial;
  if (!config.clouds.length) {
    const dev = await loadOrCreateDevCloud(config.dataDir);
    config = { ...config, clouds: [dev.cloud] };
    const key = dev.cloud.keys[0]!;
    if (dev.created) {
      process.stdout.write(
        `Generated a development key pair for cloud "${dev.cloud.name}" (kept in ${dev.file}):\n` +
          `  KUMO_URL=kumo://${key.key}:${key.secret}@${dev.cloud.name}\n` +
          `  CLOUDINARY_URL=cloudinary://${key.key}:${key.secret}@${dev.cloud.name}\n`,
      );
    } else {
      process.stdout.write(
        `Using the development key ${key.key} of cloud "${dev.cloud.name}" from ${dev.file}\n`,
      );
    }
  }
  const app = await createApp(config);
  const address = await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`Kumo ${SERVER_VERSION} listening on ${address}\n`);
  if (config.samples) {
    const cloud = config.clouds[0]!;
    const created = await createSampleAssets({
      baseUrl: address,
      cloud: cloud.name,
      key: cloud.keys[0]!,
      dataDir: config.dataDir,
    });
    if (created) process.stdout.write(`Created ${created} sample assets in cloud "${cloud.name}"\n`);
  }
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`kumo: ${error.message}\n`);
  } else {
    process.stderr.write(
      `kumo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
