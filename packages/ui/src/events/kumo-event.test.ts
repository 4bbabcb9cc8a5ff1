import { describe, it } from 'node:test';
import { assert } from 'chai';
import { KumoEvent } from './kumo-event.js';

class ProbeEvent extends KumoEvent<{ readonly value: number }> {
  constructor(value: number, cancelable = false) {
    super('kumo-probe', { value }, { cancelable });
  }
}

describe('KumoEvent', () => {
  it('bubbles out of shadow roots to the document', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    let received: ProbeEvent | undefined;
    const listener = (event: Event) => {
      received = event as ProbeEvent;
    };
    document.addEventListener('kumo-probe', listener);
    inner.dispatchEvent(new ProbeEvent(7));
    document.removeEventListener('kumo-probe', listener);
    host.remove();
    assert.isDefined(received);
    assert.strictEqual(received!.detail.value, 7);
    assert.isTrue(received!.target === host, 'retargeted to the host outside the shadow root');
  });

  it('is cancelable only when asked', () => {
    assert.isFalse(new ProbeEvent(1).cancelable);
    const veto = new ProbeEvent(1, true);
    assert.isTrue(veto.cancelable);
    veto.preventDefault();
    assert.isTrue(veto.defaultPrevented);
  });

  it('has a frozen detail', () => {
    const event = new ProbeEvent(3);
    assert.isTrue(Object.isFrozen(event.detail));
    assert.throws(() => {
      (event.detail as { value: number }).value = 4;
    }, TypeError);
  });
});
