/**
 * The `kumo` object: Cloudinary-shaped factories over Kumo's elements. The same object backs
 * kumo.js (`window.kumo`), kumo.mjs and the `@kumo/embed` package; they differ only in how an
 * element's chunk is fetched and which server they talk to by default. Everything here answers at
 * once; the element and the option mapping arrive with the element's chunk.
 */
import type { ElementLoader } from './element-modules.js';
import { applyUploadWidget } from './upload-widget-apply.js';
import type { UploadWidgetCallback } from './upload-widget-events.js';
import type { ElementTarget, PageOptions, UploadWidgetConfig } from './upload-widget-options.js';
import { type UploadWidget, UploadWidgetProxy } from './upload-widget-proxy.js';
import type { VideoPlayerConfig } from './video-player-options.js';
import { placePlayer, type VideoPlayer, VideoPlayerProxy } from './video-player-proxy.js';

export interface Kumo {
  /** Builds an upload widget without showing it; call `open()` on the result. */
  createUploadWidget(options: UploadWidgetConfig, callback?: UploadWidgetCallback): UploadWidget;
  /** Builds an upload widget and opens it. */
  openUploadWidget(options: UploadWidgetConfig, callback?: UploadWidgetCallback): UploadWidget;
  /**
   * Makes `element` a button that opens an upload widget; results go into its form as hidden
   * inputs named after the element's `name`, as Cloudinary's loader did.
   */
  applyUploadWidget(
    element: ElementTarget,
    options: UploadWidgetConfig,
    callback?: UploadWidgetCallback,
  ): UploadWidget;
  /** The cloud name used when options give none. */
  setCloudName(name: string): void;
  /** The Kumo server used when options give no `apiBase`. */
  setApiBase(url: string): void;
  /** A player on a `<video>` (replaced by a `<kumo-video-player>`), a `<kumo-video-player>`, or its id. */
  videoPlayer(elementOrId: string | Element, options?: VideoPlayerConfig): VideoPlayer;
  /** A player on every element `selector` matches. */
  videoPlayers(selector: string, options?: VideoPlayerConfig): VideoPlayer[];
  /** Loads an element's code ahead of use (say, on hover over the button that opens the widget). */
  preload(tag: 'kumo-upload-widget' | 'kumo-video-player'): Promise<void>;
  /** The version of this copy of @kumo/embed. */
  readonly version: string;
}

export interface KumoSetup {
  readonly loadElement: ElementLoader;
  /** Server origin used until `setApiBase`; `''` means the page's origin. */
  readonly apiBase: string;
  readonly version: string;
}

export function createKumo(setup: KumoSetup): Kumo {
  const settings = { cloudName: undefined as string | undefined, apiBase: setup.apiBase };
  const context = () => ({ cloudName: settings.cloudName, apiBase: settings.apiBase });
  const load = setup.loadElement;

  const uploadWidget = (
    options: UploadWidgetConfig,
    callback: UploadWidgetCallback | undefined,
    pageDefaults?: PageOptions,
  ): UploadWidget => {
    const known = context();
    return new UploadWidgetProxy(
      load('upload-widget').then(
        (chunk) => new chunk.EmbeddedUploadWidget(options, callback, known, pageDefaults),
      ),
      callback,
    );
  };

  const videoPlayer = (target: string | Element, options?: VideoPlayerConfig): VideoPlayer => {
    const known = context();
    const { element, tagAttributes } = placePlayer(target);
    return new VideoPlayerProxy(
      element,
      load('video-player').then(
        (chunk) => new chunk.EmbeddedVideoPlayer(element, tagAttributes, options, known),
      ),
    );
  };

  return {
    createUploadWidget: (options, callback) => uploadWidget(options, callback),
    openUploadWidget: (options, callback) => {
      const widget = uploadWidget(options, callback);
      widget.open();
      return widget;
    },
    applyUploadWidget: (element, options, callback) =>
      applyUploadWidget(element, options, (pageDefaults) => uploadWidget(options, callback, pageDefaults)),
    setCloudName: (name) => {
      settings.cloudName = name;
    },
    setApiBase: (url) => {
      settings.apiBase = url.replace(/\/+$/, '');
    },
    videoPlayer,
    videoPlayers: (selector, options) =>
      [...document.querySelectorAll(selector)].map((element) => videoPlayer(element, options)),
    preload: async (tag) => {
      await load(tag === 'kumo-upload-widget' ? 'upload-widget' : 'video-player');
    },
    version: setup.version,
  };
}
