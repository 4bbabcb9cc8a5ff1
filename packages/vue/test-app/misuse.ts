// Not part of the app: what the GlobalComponents entries let a template type checker (vue-tsc)
// verify, checked here with plain tsc on the same types. Each misuse must fail to compile
// (`tsc -p test-app` reports an unused @ts-expect-error if a typing stops biting).
import type { KumoUploadErrorEvent } from '@kumo/upload-widget';
import type { GlobalComponents } from 'vue';
import '@kumo/vue';

/** The props a template may bind on `<kumo-upload-widget>`. */
type UploadWidgetProps = InstanceType<GlobalComponents['kumo-upload-widget']>['$props'];
type VideoPlayerProps = InstanceType<GlobalComponents['kumo-video-player']>['$props'];

// `<kumo-upload-widget :max-files="3" mode="inline" @kumo-upload-success="…">`
export const fine: UploadWidgetProps = {
  maxFiles: 3,
  mode: 'inline',
  class: 'uploader',
  onKumoUploadSuccess: (event) => event.detail.info.public_id,
};

// @ts-expect-error maxFiles is a number, not a string
export const wrongType: UploadWidgetProps = { maxFiles: '3' };

// @ts-expect-error mode is 'modal' or 'inline'
export const wrongMode: UploadWidgetProps = { mode: 'sideways' };

export const wrongEvent: UploadWidgetProps = {
  // @ts-expect-error @kumo-upload-success receives a KumoUploadSuccessEvent
  onKumoUploadSuccess: (event: KumoUploadErrorEvent) => event.detail.error,
};

// @ts-expect-error the player's events are not the widget's
export const otherElement: VideoPlayerProps = { onKumoUploadSuccess: () => undefined };
