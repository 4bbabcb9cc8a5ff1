import { uploadTable } from '../part-kit.js';

/** The "Camera" source. */
export const sourceCameraEnglish = {
  'camera.preview': 'Camera preview',
  'camera.starting': 'Starting the camera…',
  'camera.capture': 'Take photo',
  'camera.retake': 'Retake',
  'camera.use': 'Upload photo',
  'camera.no_camera': 'No camera was found on this device. You can still upload photos from your files.',
  'camera.denied':
    'The camera cannot be used because access was refused. Allow camera access in the browser’s site settings, or upload photos from your files.',
  'camera.unsupported':
    'This page cannot use a camera (it needs a secure https address and a browser that supports cameras). Upload photos from your files instead.',
  'camera.error': 'The camera could not be started. Upload photos from your files instead.',
};

export const sourceCameraStrings = uploadTable(sourceCameraEnglish);
