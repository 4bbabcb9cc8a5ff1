import { KumoElement } from '@kumo/ui/base';
import { cameraIcon, drawIcon, uploadIcon } from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, type PropertyDeclarations } from 'lit';
import { sourceCameraStrings } from '../locales/source-camera.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { KumoUploadPhotoCaptureEvent } from './upload-source-camera.events.js';
import { uploadSourceCameraStyles } from './upload-source-camera.styles.js';
import { type CameraProblem, type CameraState, cameraProblemOf } from './upload-source-camera.types.js';

/**
 * @summary The "Camera" source: a live preview from `getUserMedia`, a shutter button, and the photo
 * to check before it is uploaded. Without a camera, or without permission, it says so and why.
 * @tag kumo-upload-source-camera
 *
 * @csspart preview - The live `<video>`.
 * @csspart photo - The captured photo.
 * @csspart capture - The shutter button.
 * @csspart message - The message shown when there is no camera.
 *
 * @cssproperty --kumo-upload-camera-max-height - Largest height of the preview; 20rem.
 *
 * @event kumo-upload-photo-capture - The person took a photo and chose to upload it (`detail.file`).
 */
export class KumoUploadSourceCamera extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadSourceCameraStyles];

  static override properties: PropertyDeclarations = {
    disabled: { type: Boolean, reflect: true },
    state: { reflect: true },
    problem: { state: true },
    photoUrl: { state: true },
  };

  /** No photo is taken. */
  declare disabled: boolean;
  /** Where the source is: `starting`, `live`, `captured` or `unavailable` (read-only). */
  declare state: CameraState;
  declare private problem: CameraProblem | undefined;
  declare private photoUrl: string | undefined;

  private readonly localize = new UploadLocalizeController(this, sourceCameraStrings);
  private stream: MediaStream | undefined;
  private photo: Blob | undefined;
  // Bumped on every start and stop, so a permission prompt answered late changes nothing.
  private generation = 0;

  constructor() {
    super();
    this.disabled = false;
    this.state = 'starting';
    this.problem = undefined;
    this.photoUrl = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
    this.discardPhoto();
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    this.state = 'starting';
    const media = globalThis.navigator?.mediaDevices;
    if (!media?.getUserMedia) {
      this.fail('unsupported');
      return;
    }
    try {
      // Asking for a camera that is not there would show a pointless permission prompt first.
      const devices = await media.enumerateDevices();
      if (generation !== this.generation) return;
      if (!devices.some((device) => device.kind === 'videoinput')) {
        this.fail('no_camera');
        return;
      }
      const stream = await media.getUserMedia({ video: { facingMode: 'user' }, audio: false });
      if (generation !== this.generation) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      this.stream = stream;
      this.state = 'live';
      await this.updateComplete;
      const video = this.renderRoot.querySelector('video');
      if (video) video.srcObject = stream;
    } catch (error) {
      if (generation === this.generation) this.fail(cameraProblemOf(error));
    }
  }

  private stop(): void {
    this.generation += 1;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }

  private fail(problem: CameraProblem): void {
    this.problem = problem;
    this.state = 'unavailable';
  }

  private discardPhoto(): void {
    if (this.photoUrl) URL.revokeObjectURL(this.photoUrl);
    this.photoUrl = undefined;
    this.photo = undefined;
  }

  private async capture(): Promise<void> {
    const video = this.renderRoot.querySelector('video');
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
    if (!blob) return;
    this.discardPhoto();
    this.photo = blob;
    this.photoUrl = URL.createObjectURL(blob);
    this.state = 'captured';
  }

  private async retake(): Promise<void> {
    this.discardPhoto();
    this.state = 'live';
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (video && this.stream) video.srcObject = this.stream;
  }

  private use(): void {
    if (!this.photo || this.disabled) return;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = new File([this.photo], `camera-${stamp}.jpg`, { type: 'image/jpeg' });
    this.dispatchEvent(new KumoUploadPhotoCaptureEvent(file));
    void this.retake();
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    if (this.state === 'unavailable') {
      return html`<p part="message" class="message" role="status">
        ${drawIcon(cameraIcon)}<span>${term(`camera.${this.problem ?? 'error'}`)}</span>
      </p>`;
    }
    if (this.state === 'starting') {
      return html`<p part="message" class="message" role="status">${term('camera.starting')}</p>`;
    }
    if (this.state === 'captured' && this.photoUrl) {
      return html`<div class="stage">
        <img part="photo" src=${this.photoUrl} alt="" />
        <div class="actions">
          <button class="button" type="button" @click=${this.retake}>${term('camera.retake')}</button>
          <button class="button primary" type="button" ?disabled=${this.disabled} @click=${this.use}>
            ${drawIcon(uploadIcon)}${term('camera.use')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="stage">
      <video part="preview" aria-label=${term('camera.preview')} autoplay muted playsinline></video>
      <div class="actions">
        <button part="capture" class="button primary" type="button" ?disabled=${this.disabled} @click=${this.capture}>
          ${drawIcon(cameraIcon)}${term('camera.capture')}
        </button>
      </div>
    </div>`;
  }
}
