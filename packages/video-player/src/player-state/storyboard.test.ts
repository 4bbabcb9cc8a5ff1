import { describe, it } from 'node:test';
import { assert } from 'chai';
import { frameAt } from './storyboard.js';
import { parseStoryboard } from './storyboard-vtt.js';

const vtt = `WEBVTT

00:00.000 --> 00:01.000
dog.jpg#xywh=0,0,160,90

00:01.000 --> 00:02.000
dog.jpg#xywh=160,0,160,90

00:02.000 --> 00:03.000
https://cdn.example/other.jpg#xywh=0,90,160,90

00:03.000 --> 00:04.000
no fragment here
`;

describe('parseStoryboard', () => {
  const vttUrl = 'http://127.0.0.1:3000/demo/video/upload/e_storyboard:10:4,w_160/dog.vtt';

  it('resolves sprite URLs against the VTT and reads the rectangles', () => {
    const frames = parseStoryboard(vtt, vttUrl);
    assert.lengthOf(frames, 3);
    assert.deepEqual(frames[1], {
      start: 1,
      end: 2,
      url: 'http://127.0.0.1:3000/demo/video/upload/e_storyboard:10:4,w_160/dog.jpg',
      x: 160,
      y: 0,
      width: 160,
      height: 90,
    });
    assert.equal(frames[2]!.url, 'https://cdn.example/other.jpg');
  });
});

describe('frameAt', () => {
  const frames = parseStoryboard(vtt, 'http://example.test/a.vtt');

  it('finds the frame covering a time, and the nearest one at the edges', () => {
    assert.equal(frameAt(frames, 0.5)?.x, 0);
    assert.equal(frameAt(frames, 1)?.x, 160);
    assert.equal(frameAt(frames, 2.99)?.y, 90);
    assert.equal(frameAt(frames, 99)?.y, 90);
    assert.equal(frameAt(frames, -1)?.x, 0);
  });

  it('has nothing without frames or a time', () => {
    assert.isUndefined(frameAt([], 1));
    assert.isUndefined(frameAt(frames, Number.NaN));
  });
});
