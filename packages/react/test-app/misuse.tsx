// Not part of the app: wrong uses of the typed components, each of which must fail to compile
// (`tsc -p test-app` reports an unused @ts-expect-error if a typing stops biting).
import { KumoUploadWidget, KumoVideoPlayer } from '@kumo/react';
import type { KumoUploadErrorEvent } from '@kumo/upload-widget';

export function Misuses() {
  return (
    <>
      {/* @ts-expect-error maxFiles is a number, not a string */}
      <KumoUploadWidget maxFiles="3" />
      {/* @ts-expect-error mode is 'modal' or 'inline' */}
      <KumoUploadWidget mode="sideways" />
      {/* @ts-expect-error onUploadSuccess receives a KumoUploadSuccessEvent */}
      <KumoUploadWidget onUploadSuccess={(event: KumoUploadErrorEvent) => event.detail.error} />
      {/* @ts-expect-error there is no such event prop */}
      <KumoUploadWidget onUploadSucceeded={() => undefined} />
      {/* @ts-expect-error the player's events are not the widget's */}
      <KumoVideoPlayer onUploadSuccess={() => undefined} />
    </>
  );
}
