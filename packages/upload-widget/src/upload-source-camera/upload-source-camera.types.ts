/** Why the camera is not available, each with its own message. */
export const CAMERA_PROBLEMS = ['no_camera', 'denied', 'unsupported', 'error'] as const;
export type CameraProblem = (typeof CAMERA_PROBLEMS)[number];

/** Where the camera source is: starting, showing the live picture, showing a photo, or unavailable. */
export const CAMERA_STATES = ['starting', 'live', 'captured', 'unavailable'] as const;
export type CameraState = (typeof CAMERA_STATES)[number];

/** The problem a failed `getUserMedia` call means, from its `DOMException` name. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError')
    return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return 'no_camera';
  }
  return 'error';
}
