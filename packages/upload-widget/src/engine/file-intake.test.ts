import { describe, it } from 'node:test';
import { assert } from 'chai';
import { fromInput, type IntakeFile, newFileId, screenFiles } from './file-intake.js';
import { fromUrl } from './url-intake.js';

const options = { apiBase: '', cloudName: 'demo' };
const noDecoding = async () => ({ width: 10, height: 10 });

function local(name: string, type = 'image/png', size = 10): IntakeFile {
  return { name, type, size, data: new Blob([new Uint8Array(size)], { type }), source: 'local' };
}

describe('file intake', () => {
  it('gives every file its own id', () => {
    const id = newFileId();
    assert.match(id, /^kumo-[a-z0-9]{16}$/);
    assert.notEqual(newFileId(), id);
  });

  it('takes Files and named Blobs alike', () => {
    const file = new File(['abc'], 'a.txt', { type: 'text/plain' });
    assert.deepInclude(fromInput(file, 'local'), {
      name: 'a.txt',
      type: 'text/plain',
      size: 3,
      source: 'local',
    });
    const blob = new Blob(['abcd'], { type: 'image/png' });
    const named = fromInput({ name: 'shot.png', data: blob }, 'camera');
    assert.deepInclude(named, { name: 'shot.png', type: 'image/png', size: 4, source: 'camera' });
    assert.strictEqual(named.data, blob);
  });

  it('names remote files after the last segment of their address', () => {
    assert.deepInclude(fromUrl(' https://example.com/photos/caf%C3%A9.jpg?w=2 '), {
      name: 'café.jpg',
      source: 'url',
      remoteUrl: 'https://example.com/photos/caf%C3%A9.jpg?w=2',
      size: 0,
    });
    assert.deepInclude(fromUrl('https://example.com/'), { name: 'example.com' });
    assert.deepInclude(fromUrl('s3://bucket/key.png'), { name: 'key.png' });
  });

  it('takes the type of a data URI', () => {
    const file = fromUrl('data:image/png;base64,AAAA');
    assert.deepInclude(file, {
      name: 'file.png',
      type: 'image/png',
      remoteUrl: 'data:image/png;base64,AAAA',
    });
  });

  it('refuses addresses the server cannot fetch as unreadable', () => {
    for (const text of ['not a url', 'javascript:alert(1)', 'file:///etc/passwd', '']) {
      const result = fromUrl(text);
      assert.equal('reason' in result && result.reason, 'unreadable', text);
    }
  });

  it('checks each file, then maxFiles over the survivors, reporting in the batch’s order', async () => {
    const files = [
      local('a.gif', 'image/gif'),
      local('b.png'),
      local('c.png'),
      local('d.png', 'image/png', 99),
    ];
    const { accepted, rejected } = await screenFiles(
      files,
      { ...options, clientAllowedFormats: ['png'], maxFileSize: 50, maxFiles: 2 },
      1,
      noDecoding,
    );
    assert.deepEqual(
      accepted.map((file) => file.name),
      ['b.png'],
    );
    assert.deepEqual(
      rejected.map((rejection) => [rejection.name, rejection.reason]),
      [
        ['a.gif', 'format-not-allowed'],
        ['c.png', 'max-files'],
        ['d.png', 'file-too-large'],
      ],
    );
    assert.isTrue(Object.isFrozen(rejected[0]) && Object.isFrozen(rejected[0]!.values));
  });

  it('leaves a remote file of unknown format to the server, but checks a known one', async () => {
    const restrictions = { ...options, clientAllowedFormats: ['png'] };
    const unknown = fromUrl('https://example.com/image?id=3') as IntakeFile;
    const gif = fromUrl('https://example.com/a.gif') as IntakeFile;
    const { accepted, rejected } = await screenFiles([unknown, gif], restrictions, 0, noDecoding);
    assert.deepEqual(
      accepted.map((file) => file.name),
      ['image'],
    );
    assert.deepEqual(
      rejected.map((rejection) => rejection.name),
      ['a.gif'],
    );
  });
});
