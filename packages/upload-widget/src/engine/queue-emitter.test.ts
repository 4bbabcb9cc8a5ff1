import { describe, it } from 'node:test';
import { assert } from 'chai';
import { QueueEmitter } from './queue-emitter.js';
import type { QueueEvent } from './upload-queue.types.js';

const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('QueueEmitter', () => {
  it('calls listeners in order until they unsubscribe', () => {
    const emitter = new QueueEmitter();
    const seen: string[] = [];
    const stop = emitter.subscribe((event) => seen.push(`a:${event.type}`));
    emitter.subscribe((event) => seen.push(`b:${event.type}`));
    emitter.emit({ type: 'queue-start' });
    stop();
    emitter.emit({ type: 'queue-start' });
    assert.deepEqual(seen, ['a:queue-start', 'b:queue-start', 'b:queue-start']);
  });

  it('folds changes made together into one state event, after them', async () => {
    const emitter = new QueueEmitter();
    const seen: QueueEvent['type'][] = [];
    emitter.subscribe((event) => seen.push(event.type));
    emitter.stateChanged();
    emitter.emit({ type: 'queue-start' });
    emitter.stateChanged();
    await microtasks();
    assert.deepEqual(seen, ['queue-start', 'state']);
    emitter.stateChanged();
    await microtasks();
    assert.deepEqual(seen, ['queue-start', 'state', 'state']);
  });

  it('reports a listener that throws and still calls the others', () => {
    const reported: unknown[] = [];
    const emitter = new QueueEmitter((error) => reported.push(error));
    const seen: string[] = [];
    emitter.subscribe(() => {
      throw new Error('listener bug');
    });
    emitter.subscribe((event) => seen.push(event.type));
    emitter.emit({ type: 'queue-start' });
    assert.deepEqual(seen, ['queue-start']);
    assert.equal((reported[0] as Error).message, 'listener bug');
  });

  it('emits nothing once closed, not even a state event already scheduled', async () => {
    const emitter = new QueueEmitter();
    const seen: string[] = [];
    emitter.subscribe((event) => seen.push(event.type));
    emitter.stateChanged();
    emitter.close();
    emitter.emit({ type: 'queue-start' });
    await microtasks();
    assert.deepEqual(seen, []);
  });
});
