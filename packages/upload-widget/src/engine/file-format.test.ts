import { describe, it } from 'node:test';
import { assert } from 'chai';
import { claimsImage, extensionOf, formatOf, formatOfMime, kindOf, normalizeFormat } from './file-format.js';

describe('file formats', () => {
  it('reads the extension in lower case, ignoring dots that start or end a name', () => {
    assert.equal(extensionOf('Photo.JPG'), 'jpg');
    assert.equal(extensionOf('archive.tar.gz'), 'gz');
    assert.equal(extensionOf('folder.d/README'), '');
    assert.equal(extensionOf('.bashrc'), '');
    assert.equal(extensionOf('trailing.'), '');
  });

  it('treats spellings of one format as that format', () => {
    assert.equal(normalizeFormat('JPEG'), 'jpg');
    assert.equal(normalizeFormat('.tif'), 'tiff');
    assert.equal(normalizeFormat('png'), 'png');
  });

  it('derives a format from a MIME type', () => {
    assert.equal(formatOfMime('image/jpeg'), 'jpg');
    assert.equal(formatOfMime('image/svg+xml'), 'svg');
    assert.equal(formatOfMime('video/x-matroska'), 'mkv');
    assert.equal(formatOfMime('image/webp; charset=binary'), 'webp');
    assert.equal(formatOfMime('application/octet-stream'), '');
    assert.equal(formatOfMime(''), '');
  });

  it('prefers the extension, and falls back to the MIME type without one', () => {
    assert.equal(formatOf('scan.jpeg', 'image/png'), 'jpg');
    assert.equal(formatOf('blob', 'image/png'), 'png');
    assert.equal(formatOf('blob', ''), '');
  });

  it('knows which files claim to be images', () => {
    assert.isTrue(claimsImage('x.bin', 'image/png'));
    assert.isFalse(claimsImage('x.png', 'application/pdf'));
    assert.isTrue(claimsImage('x.TIF', ''));
    assert.isFalse(claimsImage('notes.txt', ''));
  });

  it('sorts files into image, video (audio included) and raw', () => {
    assert.equal(kindOf('a', 'image/gif'), 'image');
    assert.equal(kindOf('a', 'video/mp4'), 'video');
    assert.equal(kindOf('a', 'audio/mpeg'), 'video');
    assert.equal(kindOf('clip.mov', ''), 'video');
    assert.equal(kindOf('song.mp3', 'application/octet-stream'), 'video');
    assert.equal(kindOf('photo.jpeg', ''), 'image');
    assert.equal(kindOf('doc.pdf', 'application/pdf'), 'raw');
    assert.equal(kindOf('data.bin', ''), 'raw');
  });
});
