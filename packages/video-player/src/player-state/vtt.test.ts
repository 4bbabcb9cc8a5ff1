import { describe, it } from 'node:test';
import { assert } from 'chai';
import { cuesToVtt, cueText, parseCues, parseTimestamp } from './vtt.js';

describe('parseTimestamp', () => {
  it('reads WebVTT and SRT forms', () => {
    assert.equal(parseTimestamp('00:01.500'), 1.5);
    assert.equal(parseTimestamp('01:02:03.250'), 3723.25);
    assert.equal(parseTimestamp('00:00:04,5'), 4.5);
  });

  it('gives NaN for malformed times', () => {
    for (const value of ['1.5', '00:61.000', 'aa:bb.ccc', '']) assert.isNaN(parseTimestamp(value), value);
  });
});

describe('parseCues', () => {
  it('reads cues with and without identifiers, skipping header, notes and styles', () => {
    const cues = parseCues(
      'WEBVTT\n\nNOTE a comment\n\nSTYLE\n::cue { color: red }\n\nintro\n00:00.000 --> 00:01.000 align:start\nHello\nworld\n\n00:01.000 --> 00:02.500\n<v Ann>Bye</v>\n',
    );
    assert.deepEqual(cues, [
      { id: 'intro', start: 0, end: 1, text: 'Hello\nworld' },
      { id: '', start: 1, end: 2.5, text: '<v Ann>Bye</v>' },
    ]);
  });

  it('reads SRT, with CRLF line ends', () => {
    const cues = parseCues(
      '1\r\n00:00:00,000 --> 00:00:01,200\r\nOne\r\n\r\n2\r\n00:00:01,200 --> 00:00:02,000\r\nTwo\r\n',
    );
    assert.deepEqual(
      cues.map((cue) => [cue.id, cue.start, cue.end, cue.text]),
      [
        ['1', 0, 1.2, 'One'],
        ['2', 1.2, 2, 'Two'],
      ],
    );
  });

  it('skips cues that end before they start or have broken timings', () => {
    assert.deepEqual(
      parseCues('WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards\n\n00:xx --> 00:01.000\nBroken\n'),
      [],
    );
  });
});

describe('cueText / cuesToVtt', () => {
  it('strips markup and decodes entities', () => {
    assert.equal(cueText('<v Roger><b>Fish</b> &amp; chips &lt;3</v>'), 'Fish & chips <3');
  });

  it('writes cues back as WebVTT that parses to the same cues', () => {
    const cues = parseCues('1\n00:00:00,000 --> 00:00:01,250\nOne\n\n00:00:01,250 --> 01:00:00,000\nTwo\n');
    const vtt = cuesToVtt(cues);
    assert.match(vtt, /^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:01\.250\nOne/);
    assert.deepEqual(parseCues(vtt), cues);
  });
});
