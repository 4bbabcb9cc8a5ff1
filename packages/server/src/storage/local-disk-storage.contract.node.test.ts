import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { blobStorageContract } from '../testing/blob-storage-contract.js';
import { LocalDiskStorage } from './local-disk-storage.js';

const roots: string[] = [];

after(async () => {
  await Promise.all(roots.map((root) => fs.rm(root, { recursive: true, force: true })));
});

blobStorageContract('LocalDiskStorage', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-local-blobs-'));
  roots.push(root);
  // A root that does not exist yet, as on a first start.
  return new LocalDiskStorage(path.join(root, 'blobs'));
});
