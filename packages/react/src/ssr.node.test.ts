// @kumo/react on a server (Next.js, Remix…): importing and rendering touch no browser API and do
// not even evaluate Lit or the elements; the tags render and upgrade later in the browser.
import { describe, it } from 'node:test';
import { assert } from 'chai';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { KumoUploadWidget, KumoVideoPlayer } from './index.js';

const globals = globalThis as Record<string, unknown>;

describe('@kumo/react during server rendering', () => {
  it('imports without a DOM and without loading Lit or the elements', () => {
    assert.isUndefined(globals.window);
    assert.isUndefined(globals.customElements);
    // Lit records every copy it loads in these globals.
    assert.isUndefined(globals.litElementVersions);
    assert.isUndefined(globals.reactiveElementVersions);
  });

  it('renders the element tags with their plain attributes; properties wait for the browser', () => {
    const html = renderToString(
      createElement(
        'div',
        null,
        createElement(KumoUploadWidget, {
          id: 'widget',
          className: 'uploader',
          mode: 'inline',
          cloudName: 'demo',
          tags: ['a'],
          onUploadSuccess: () => undefined,
        }),
        createElement(KumoVideoPlayer, { id: 'player' }),
      ),
    );
    assert.strictEqual(
      html,
      '<div><kumo-upload-widget id="widget" class="uploader"></kumo-upload-widget>' +
        '<kumo-video-player id="player"></kumo-video-player></div>',
    );
    assert.isUndefined(globals.customElements);
  });
});
