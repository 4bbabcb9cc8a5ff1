import { describe, it } from 'node:test';
import { assert } from 'chai';
import { chaptersFromMap, chaptersFromVtt } from './chapter-sources.js';
import { chapterIndexAt, chapterMarks } from './chapters.js';

describe('chapters', () => {
  it('reads a chapters WebVTT in time order, without markup or empty titles', () => {
    const chapters = chaptersFromVtt(
      'WEBVTT\n\n00:02.000 --> 00:04.000\n<b>Colour</b> bars\n\n00:00.000 --> 00:02.000\nIntro\n\n00:03.000 --> 00:04.000\n  \n',
    );
    assert.deepEqual(chapters, [
      { start: 0, end: 2, title: 'Intro' },
      { start: 2, end: 4, title: 'Colour bars' },
    ]);
  });

  it('builds chapters from a map of start seconds, each ending where the next starts', () => {
    assert.deepEqual(chaptersFromMap({ 42: 'Demo', 0: 'Intro', 90: ' ' }, 60), [
      { start: 0, end: 42, title: 'Intro' },
      { start: 42, end: 60, title: 'Demo' },
    ]);
    assert.equal(chaptersFromMap({ 0: 'Only' })[0]!.end, Number.POSITIVE_INFINITY);
  });

  it('finds the chapter playing at a time', () => {
    const chapters = chaptersFromMap({ 1: 'A', 2: 'B' }, 4);
    assert.equal(chapterIndexAt(chapters, 0.5), -1);
    assert.equal(chapterIndexAt(chapters, 1), 0);
    assert.equal(chapterIndexAt(chapters, 3.9), 1);
  });

  it('places marks at chapter starts inside the timeline only', () => {
    const chapters = chaptersFromMap({ 0: 'A', 1: 'B', 3: 'C' }, 4);
    assert.deepEqual(chapterMarks(chapters, 4), [0.25, 0.75]);
    assert.deepEqual(chapterMarks(chapters, Number.NaN), []);
  });
});
