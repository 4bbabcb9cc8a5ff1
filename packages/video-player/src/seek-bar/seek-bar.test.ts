import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import type { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import type { StoryboardFrame } from '../player-state/storyboard.js';
import { expectAccessible } from '../testing/axe.js';
import { inShadow, mediaState, recordEvents } from '../testing/player-fixture.js';
import './define.js';
import type { KumoSeekBar } from './seek-bar.js';

const storyboard: StoryboardFrame[] = [0, 1, 2, 3].map((index) => ({
  start: index * 25,
  end: (index + 1) * 25,
  url: 'https://cdn.example/board.jpg',
  x: index * 160,
  y: 0,
  width: 160,
  height: 90,
}));

const playing = mediaState({
  duration: 100,
  currentTime: 25,
  buffered: [
    [0, 40],
    [60, 70],
  ],
  chapters: [
    { start: 0, end: 30, title: 'Intro' },
    { start: 30, end: 60, title: 'Middle' },
    { start: 60, end: 100, title: 'End' },
  ],
  storyboard,
});

const slider = (element: KumoSeekBar) => inShadow<HTMLInputElement>(element, 'input');

async function seekBar(
  state = playing,
  wrapper = html`<div style="width: 400px"><kumo-seek-bar .media=${state}></kumo-seek-bar></div>`,
) {
  const container = await fixture(wrapper);
  const element = container.querySelector<KumoSeekBar>('kumo-seek-bar')!;
  await element.updateComplete;
  return element;
}

describe('<kumo-seek-bar>', () => {
  afterEach(cleanupFixtures);

  it('is disabled until the duration is known', async () => {
    const element = await seekBar(mediaState());
    assert.isTrue(slider(element).disabled);
    assert.equal(slider(element).getAttribute('aria-label'), 'Seek');
    assert.isNull(element.shadowRoot!.querySelector('[part="preview"]'));
  });

  it('shows progress, buffered ranges and chapter marks', async () => {
    const element = await seekBar();
    assert.equal(slider(element).value, '25');
    assert.equal(inShadow(element, '[part="progress"]').style.width, '25%');
    const buffered = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="buffered"]')];
    assert.deepEqual(
      buffered.map((range) => [range.style.left, range.style.width]),
      [
        ['0%', '40%'],
        ['60%', '10%'],
      ],
    );
    const marks = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part="chapter-mark"]')];
    assert.deepEqual(
      marks.map((mark) => mark.style.left),
      ['30%', '60%'],
    );
    assert.equal(slider(element).getAttribute('aria-valuetext'), '25 seconds of 1 minute, 40 seconds');
  });

  it('previews the storyboard frame, time and chapter under the pointer', async () => {
    const element = await seekBar();
    const input = slider(element);
    const box = input.getBoundingClientRect();
    input.dispatchEvent(
      new PointerEvent('pointermove', { clientX: box.left + box.width * 0.8, bubbles: true }),
    );
    await element.updateComplete;
    const thumbnail = inShadow(element, '[part="thumbnail"]');
    assert.include(thumbnail.style.backgroundImage, 'https://cdn.example/board.jpg');
    assert.equal(thumbnail.style.backgroundPosition, '-480px 0px');
    assert.equal(thumbnail.style.width, '160px');
    assert.equal(inShadow(element, '[part="preview-time"]').textContent, 'End · 1:20');
    input.dispatchEvent(new PointerEvent('pointerleave'));
    await element.updateComplete;
    assert.isNull(element.shadowRoot!.querySelector('[part="preview"]'));
  });

  it('asks to seek while dragging', async () => {
    const recorder = recordEvents<KumoMediaSeekRequestEvent>('kumo-media-seek-request');
    const element = await seekBar();
    slider(element).value = '70';
    slider(element).dispatchEvent(new Event('input', { bubbles: true }));
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.time),
      [70],
    );
  });

  it('moves 5 seconds per arrow and to the ends with Home/End, showing the preview while focused', async () => {
    const recorder = recordEvents<KumoMediaSeekRequestEvent>('kumo-media-seek-request');
    const element = await seekBar();
    const reachedHost: string[] = [];
    element.addEventListener('keydown', (event) => reachedHost.push(event.key));
    slider(element).focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Home' });
    await element.updateComplete;
    recorder.stop();
    assert.deepEqual(
      recorder.events.map((event) => event.detail.time),
      [30, 20, 100, 0],
    );
    assert.deepEqual(reachedHost, [], 'the player’s own arrow shortcuts must not act as well');
    assert.isNotNull(element.shadowRoot!.querySelector('[part="thumbnail"]'));
  });

  it('stays left to right in a right-to-left page', async () => {
    const element = await seekBar(
      playing,
      html`<div dir="rtl" lang="ar" style="width: 400px"><kumo-seek-bar .media=${playing}></kumo-seek-bar></div>`,
    );
    assert.equal(getComputedStyle(inShadow(element, '.bar')).direction, 'ltr');
    const box = slider(element).getBoundingClientRect();
    const progress = inShadow(element, '[part="progress"]').getBoundingClientRect();
    assert.closeTo(progress.left, box.left, 1, 'progress grows from the left');
  });

  it('is accessible', async () => {
    await expectAccessible(await seekBar());
  });
});
