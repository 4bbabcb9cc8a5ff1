import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assert } from 'chai';
import sharp from 'sharp';
import { validatePath, validateTag } from './asset-naming.js';
import { ChunkedUploads, parseContentRange } from './chunked-uploads.js';
import { detectContent, sniffSignature, VideoProbe } from './content-detection.js';
import { parseContext } from './context-metadata.js';
import { isPrivateAddress } from './remote-fetch.js';
import { ServiceError } from './service-error.js';

const execFileAsync = promisify(execFile);
// The SDK's helpers are the oracle for the context wire format (no upload happens here).
const { v2: cloudinary } = createRequire(import.meta.url)('cloudinary') as {
  v2: { utils: { encode_context(context: Record<string, string>): string } };
};

function rejects(run: () => unknown, pattern: RegExp): void {
  try {
    run();
  } catch (error) {
    assert.instanceOf(error, ServiceError);
    assert.match((error as Error).message, pattern);
    return;
  }
  assert.fail('expected a ServiceError');
}

describe('content detection', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-detect-'));
  });
  after(async () => fs.rm(dir, { recursive: true, force: true }));

  for (const format of ['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff'] as const) {
    it(`recognises ${format} made by sharp and measures it`, async () => {
      const file = path.join(dir, `x-${format}`);
      await sharp({ create: { width: 33, height: 21, channels: 3, background: '#808080' } })
        .toFormat(format)
        .toFile(file);
      const content = await detectContent(file, new VideoProbe());
      assert.strictEqual(content.resourceType, 'image');
      assert.strictEqual(content.format, format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tiff' : format);
      assert.strictEqual(content.width, 33);
      assert.strictEqual(content.height, 21);
    });
  }

  it('recognises SVG, PDF and text', () => {
    const text = (value: string) => new TextEncoder().encode(value);
    assert.deepEqual(
      sniffSignature(text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')),
      {
        resourceType: 'image',
        format: 'svg',
      },
    );
    assert.deepEqual(sniffSignature(text('%PDF-1.7\n')), { resourceType: 'image', format: 'pdf' });
    assert.isUndefined(sniffSignature(text('just words')));
  });

  it('recognises and probes an mp4 made by ffmpeg', async (context) => {
    const probe = new VideoProbe();
    if (!(await probe.isAvailable())) return context.skip('ffmpeg is not installed');
    const file = path.join(dir, 'clip');
    await execFileAsync('ffmpeg', [
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=64x48:rate=10:duration=1',
      '-f',
      'mp4',
      file,
    ]);
    const content = await detectContent(file, probe);
    assert.strictEqual(content.resourceType, 'video');
    assert.strictEqual(content.format, 'mp4');
    assert.strictEqual(content.width, 64);
    assert.approximately(content.duration ?? 0, 1, 0.2);
    assert.strictEqual(content.media.frame_rate, 10);
  });
});

describe('context parsing', () => {
  it('reads what the SDK encodes, escapes included', () => {
    const context = { alt: 'a=b|c', caption: 'plain', path: 'C:\\dir' };
    assert.deepEqual(parseContext(cloudinary.utils.encode_context(context)), context);
  });

  it('accepts a JSON object and refuses malformed JSON', () => {
    assert.deepEqual(parseContext('{"a":"1","b":2}'), { a: '1', b: '2' });
    rejects(() => parseContext('{"a":'), /malformed JSON/);
  });
});

describe('path and tag validation', () => {
  it('trims and accepts ordinary ids', () => {
    assert.strictEqual(validatePath('  shop/shoes/red ', 'public_id'), 'shop/shoes/red');
    assert.strictEqual(validatePath('ünïcode name', 'public_id'), 'ünïcode name');
  });

  it('refuses traversal, control and reserved characters', () => {
    for (const bad of [
      '..',
      'a/..',
      './a',
      '/a',
      'a/',
      'a\u0000b',
      'a\u007fb',
      'a?b',
      'a#b',
      'a%2e',
      'a<b',
      'a\\b',
      'x'.repeat(256),
    ]) {
      rejects(() => validatePath(bad, 'public_id'), /Invalid public_id/);
    }
    rejects(() => validateTag('a,b'), /commas/);
  });
});

describe('chunk helpers', () => {
  it('parses Content-Range as the SDKs send it', () => {
    assert.deepEqual(parseContentRange('bytes 0-19999999/-1'), {
      start: 0,
      end: 19_999_999,
      total: undefined,
    });
    assert.deepEqual(parseContentRange('bytes 6000000-22744221/22744222'), {
      start: 6_000_000,
      end: 22_744_221,
      total: 22_744_222,
    });
    for (const bad of ['0-1/2', 'bytes 5-1/9', 'bytes 0-9/5', 'bytes a-b/c'])
      rejects(() => parseContentRange(bad), /Content-Range/);
  });

  it('expires abandoned partial uploads', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-chunks-'));
    try {
      const chunks = new ChunkedUploads(path.join(dir, 'chunks'), 1_000_000);
      const part = path.join(dir, 'part');
      await fs.writeFile(part, 'hello');
      const outcome = await chunks.addChunk(
        'demo\nkey',
        'abc',
        { start: 0, end: 4 },
        part,
        path.join(dir, 'out'),
      );
      assert.deepEqual(outcome, { done: false, bytes: 5 });
      assert.strictEqual(await chunks.expire(60_000), 0, 'a fresh upload is kept');
      assert.strictEqual(await chunks.expire(60_000, Date.now() + 120_000), 1, 'an old one is deleted');
      assert.deepEqual(await fs.readdir(path.join(dir, 'chunks')), []);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SSRF address guard', () => {
  it('treats loopback, private, link-local and metadata addresses as private', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      assert.isTrue(isPrivateAddress(address), address);
    }
    for (const address of ['93.184.216.34', '2606:2800:220:1::1', '8.8.8.8'])
      assert.isFalse(isPrivateAddress(address), address);
  });
});
