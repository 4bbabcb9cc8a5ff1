import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { sleep } from '../testing/fixture.js';
import { announce, announcerRegion, flushAnnouncements, pushAnnouncerContainer } from './announcer.js';

describe('announce', () => {
  afterEach(flushAnnouncements);

  it('keeps one polite and one assertive live region in the document', () => {
    const polite = announcerRegion('polite');
    const assertive = announcerRegion('assertive');
    assert.strictEqual(polite.getAttribute('aria-live'), 'polite');
    assert.strictEqual(assertive.getAttribute('aria-live'), 'assertive');
    assert.strictEqual(polite.getAttribute('aria-atomic'), 'true');
    assert.isTrue(document.body.contains(polite) && document.body.contains(assertive));
    assert.strictEqual(document.querySelectorAll('[data-kumo-announcer="polite"]').length, 1);
    // Present for screen readers, invisible on screen.
    assert.isAtMost(polite.getBoundingClientRect().width, 1);
  });

  it('speaks only the last message of a burst', () => {
    for (let percent = 10; percent <= 50; percent += 10) announce(`${percent}% uploaded`);
    flushAnnouncements();
    assert.strictEqual(announcerRegion('polite').textContent, '50% uploaded');
  });

  it('speaks a polite message after a short pause', async () => {
    await sleep(2100); // past the interval left by earlier tests
    announce('Ready');
    assert.notStrictEqual(announcerRegion('polite').textContent, 'Ready');
    await sleep(300);
    assert.strictEqual(announcerRegion('polite').textContent, 'Ready');
  });

  it('holds back polite messages that come too soon after the last one', async () => {
    announce('first');
    flushAnnouncements();
    announce('second');
    await sleep(400);
    assert.strictEqual(announcerRegion('polite').textContent, 'first');
    flushAnnouncements();
    assert.strictEqual(announcerRegion('polite').textContent, 'second');
  });

  it('speaks assertive messages promptly in their own region', async () => {
    announce('Upload failed', 'assertive');
    await sleep(150);
    assert.strictEqual(announcerRegion('assertive').textContent, 'Upload failed');
  });

  it('makes a repeated message new text so it is read again', () => {
    announce('Done', 'assertive');
    flushAnnouncements();
    const first = announcerRegion('assertive').textContent;
    announce('Done', 'assertive');
    flushAnnouncements();
    assert.notStrictEqual(announcerRegion('assertive').textContent, first);
    assert.strictEqual(announcerRegion('assertive').textContent!.trim(), 'Done');
  });

  it('speaks from a pushed container until it is released', () => {
    const container = document.createElement('section');
    document.body.append(container);
    const release = pushAnnouncerContainer(container);
    announce('inside');
    flushAnnouncements();
    assert.isTrue(container.contains(announcerRegion('polite')));
    assert.strictEqual(announcerRegion('polite').textContent, 'inside');
    release();
    assert.isFalse(container.contains(announcerRegion('polite')));
    container.remove();
  });

  it('ignores empty messages', () => {
    announce('kept', 'assertive');
    flushAnnouncements();
    announce('', 'assertive');
    flushAnnouncements();
    assert.strictEqual(announcerRegion('assertive').textContent, 'kept');
  });
});
