import { describe, it } from 'node:test';
import type { UploadResponse } from '@kumo/core';
import { assert } from 'chai';
import * as widgetEvents from '../../upload-widget/src/upload-widget/upload-widget.events.js';
import * as panelEvents from '../../upload-widget/src/upload-widget/widget-panel.events.js';
import { mapWidgetEvent, WIDGET_EVENT_TYPES } from './upload-widget-events.js';

const file = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id}.jpg`,
  size: 1234,
  type: 'image/jpeg',
  status: 'done',
  percent: 100,
  ...extra,
});

const response = {
  public_id: 'folder/cat',
  version: 1712345678,
  resource_type: 'image',
  type: 'upload',
  format: 'jpg',
  secure_url: 'https://kumo.example/demo/image/upload/v1712345678/folder/cat.jpg',
  bytes: 1234,
} as unknown as UploadResponse;

describe('mapWidgetEvent', () => {
  it('listens only to events the element really dispatches', () => {
    const dispatched = [...Object.values(widgetEvents), ...Object.values(panelEvents)]
      .map((value) => (value as { eventName?: string }).eventName)
      .filter(Boolean);
    for (const type of WIDGET_EVENT_TYPES) assert.include(dispatched, type);
  });

  it('reports each added file as upload-added with its name, size, type and date', () => {
    const lastModified = Date.UTC(2024, 0, 2);
    const data = new File(['x'], 'a.jpg', { type: 'image/jpeg', lastModified });
    const calls = mapWidgetEvent('kumo-upload-added', { files: [file('a', { data }), file('b')] }, '');
    assert.lengthOf(calls, 2);
    assert.deepEqual(calls[0], {
      error: null,
      result: {
        event: 'upload-added',
        info: {
          file: {
            name: 'a.jpg',
            size: 1234,
            type: 'image/jpeg',
            lastModified,
            lastModifiedDate: new Date(lastModified),
          },
          publicId: 'a',
        },
      },
    });
    assert.deepEqual(calls[1]!.result, {
      event: 'upload-added',
      info: { file: { name: 'b.jpg', size: 1234, type: 'image/jpeg' }, publicId: 'b' },
    });
  });

  it('reports success with the Upload API response plus the file and batch ids', () => {
    const [call] = mapWidgetEvent('kumo-upload-success', { file: file('f1'), info: response }, 'uw-batch3');
    assert.isNull(call!.error);
    assert.deepEqual(call!.result, {
      event: 'success',
      info: { ...response, id: 'f1', batchId: 'uw-batch3' },
    });
  });

  it('reports a failed upload as the error argument, {status, statusText}', () => {
    const refused = mapWidgetEvent(
      'kumo-upload-error',
      { file: file('f'), error: { status: 400, message: 'Invalid image file' } },
      '',
    );
    assert.deepEqual(refused, [
      { error: { status: 400, statusText: 'Invalid image file' }, result: undefined },
    ]);
    const network = mapWidgetEvent(
      'kumo-upload-error',
      { file: file('f'), error: { message: 'offline' } },
      '',
    );
    assert.deepEqual(network[0]!.error, { status: 0, statusText: 'offline' });
  });

  it('reports queues-start and queues-end with every file of the batch', () => {
    assert.deepEqual(mapWidgetEvent('kumo-queue-start', {}, 'b1'), [
      { error: null, result: { event: 'queues-start', info: {} } },
    ]);
    const [end] = mapWidgetEvent(
      'kumo-queue-end',
      { successful: [file('a', { response })], failed: [file('b', { status: 'error', percent: 40 })] },
      'b1',
    );
    assert.deepEqual(end!.result, {
      event: 'queues-end',
      info: {
        batchId: 'b1',
        files: [
          {
            id: 'a',
            name: 'a.jpg',
            size: 1234,
            type: 'image/jpeg',
            status: 'done',
            done: true,
            progress: 100,
            uploadInfo: response,
          },
          {
            id: 'b',
            name: 'b.jpg',
            size: 1234,
            type: 'image/jpeg',
            status: 'error',
            done: false,
            progress: 40,
          },
        ],
      },
    });
  });

  it('reports abort and retry with ids and all', () => {
    assert.deepEqual(mapWidgetEvent('kumo-upload-abort', { ids: ['a', 'b'], all: true }, '')[0]!.result, {
      event: 'abort',
      info: { ids: ['a', 'b'], all: true },
    });
    assert.deepEqual(mapWidgetEvent('kumo-upload-retry', { ids: ['c'], all: false }, '')[0]!.result, {
      event: 'retry',
      info: { ids: ['c'], all: false },
    });
  });

  it('reports display changes as the bare state string', () => {
    for (const state of ['shown', 'hidden', 'minimized', 'expanded']) {
      assert.deepEqual(mapWidgetEvent('kumo-display-changed', { state }, '')[0]!.result, {
        event: 'display-changed',
        info: state,
      } as never);
    }
    assert.deepEqual(mapWidgetEvent('kumo-display-changed', { state: 'sideways' }, ''), []);
  });

  it('reports source-changed, close and batch-cancelled', () => {
    assert.deepEqual(mapWidgetEvent('kumo-source-changed', { source: 'url' }, '')[0]!.result, {
      event: 'source-changed',
      info: { source: 'url' },
    });
    assert.deepEqual(mapWidgetEvent('kumo-close', {}, '')[0]!.result, { event: 'close', info: {} });
    assert.deepEqual(mapWidgetEvent('kumo-batch-cancelled', { reason: 'MAX_EXCEEDED' }, '')[0]!.result, {
      event: 'batch-cancelled',
      info: { reason: 'MAX_EXCEEDED' },
    });
  });

  it('reports publicid and tags as the person types them', () => {
    assert.deepEqual(mapWidgetEvent('kumo-public-id-changed', { id: 'my-photo' }, '')[0]!.result, {
      event: 'publicid',
      info: { id: 'my-photo' },
    });
    assert.deepEqual(mapWidgetEvent('kumo-tags-changed', { tags: ['red', 'sale'] }, '')[0]!.result, {
      event: 'tags',
      info: { tags: ['red', 'sale'] },
    });
  });

  it('reports show-completed with each uploaded file, its upload info and the picked file', () => {
    const data = new File(['x'], 'a.jpg', { type: 'image/jpeg' });
    const calls = mapWidgetEvent('kumo-show-completed', { items: [file('a', { data, response })] }, '');
    assert.deepEqual(calls, [
      {
        error: null,
        result: {
          event: 'show-completed',
          info: {
            items: [
              {
                id: 'a',
                name: 'a.jpg',
                size: 1234,
                type: 'image/jpeg',
                status: 'done',
                done: true,
                progress: 100,
                uploadInfo: response,
                file: data,
              },
            ],
          },
        },
      },
    ]);
  });

  it('has no callback for events Cloudinary does not report', () => {
    assert.deepEqual(mapWidgetEvent('kumo-upload-progress', { file: file('a') }, ''), []);
    assert.deepEqual(mapWidgetEvent('kumo-upload-rejected', { rejections: [] }, ''), []);
    assert.deepEqual(mapWidgetEvent('click', {}, ''), []);
  });
});
