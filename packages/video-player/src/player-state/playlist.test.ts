import { describe, it } from 'node:test';
import { assert } from 'chai';
import { nextIndex, previousIndex, sourcesFromTagList, tagListUrl } from './playlist.js';

describe('playlist navigation', () => {
  it('moves forward and back, stopping at the ends unless repeating', () => {
    assert.equal(nextIndex(0, 3), 1);
    assert.equal(nextIndex(2, 3), -1);
    assert.equal(nextIndex(2, 3, true), 0);
    assert.equal(previousIndex(1, 3), 0);
    assert.equal(previousIndex(0, 3), -1);
    assert.equal(previousIndex(0, 3, true), 2);
    assert.equal(nextIndex(-1, 0), -1);
  });
});

describe('tag lists', () => {
  it('builds the list URL with the server origin, or the page origin for an empty base', () => {
    assert.equal(
      tagListUrl('http://127.0.0.1:3000/', 'demo', 'video'),
      'http://127.0.0.1:3000/demo/video/list/video.json',
    );
    assert.equal(tagListUrl('', 'demo', 'my tag'), '/demo/video/list/my%20tag.json');
  });

  it('turns the response into sources with titles from the custom context', () => {
    const sources = sourcesFromTagList({
      resources: [
        { public_id: 'a', context: { custom: { caption: 'First', description: 'About A' } } },
        { public_id: 'b', context: { custom: { title: 'Second', subtitle: 'Part 2', alt: 'ignored' } } },
        { public_id: '' },
        { version: 3 },
        { public_id: 'c' },
      ],
    });
    assert.deepEqual(sources, [
      { publicId: 'a', title: 'First', description: 'About A' },
      { publicId: 'b', title: 'Second', subtitle: 'Part 2', description: 'ignored' },
      { publicId: 'c' },
    ]);
  });

  it('gives nothing for responses of another shape', () => {
    assert.deepEqual(sourcesFromTagList(null), []);
    assert.deepEqual(sourcesFromTagList({ error: { message: 'x' } }), []);
  });
});
