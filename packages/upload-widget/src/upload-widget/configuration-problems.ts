/**
 * What a developer should hear about the widget's options: development warnings only, so this
 * module loads only while they are on (never in a production build).
 */
import { UPLOAD_SOURCES } from '../engine/upload-queue.types.js';
import { DEFAULT_OPTIONS, oneOf } from '../part-kit.js';
import {
  CROPPING_MODES,
  UPLOAD_RESOURCE_TYPES,
  type UploadWidgetOptionName,
  type UploadWidgetOptions,
  VALUE_FORMATS,
  WIDGET_MODES,
} from './upload-widget.types.js';

/** A configuration problem worth a development warning. */
export interface ConfigurationProblem {
  readonly code: string;
  readonly message: string;
}

/** What is missing or invalid in the options, as development warnings. */
export function configurationProblems(options: UploadWidgetOptions): ConfigurationProblem[] {
  const problems: ConfigurationProblem[] = [];
  if (!options.cloudName) {
    problems.push({
      code: 'upload-widget-missing-cloud-name',
      message: '<kumo-upload-widget> has no cloud-name; uploads cannot start.',
    });
  }
  if (!options.uploadPreset && !options.uploadSignature && !options.prepareUploadParams) {
    problems.push({
      code: 'upload-widget-missing-credentials',
      message:
        '<kumo-upload-widget> needs upload-preset (an unsigned preset) or upload-signature (a signing URL or function), or prepareUploadParams.',
    });
  }
  const unknown = options.sources.filter((source) => !(UPLOAD_SOURCES as readonly string[]).includes(source));
  if (unknown.length > 0) {
    problems.push({
      code: 'upload-widget-unknown-source',
      message: `<kumo-upload-widget> sources ${unknown.map((name) => `"${name}"`).join(', ')} are not supported; known sources: ${UPLOAD_SOURCES.join(', ')}.`,
    });
  }
  const enums: Array<[UploadWidgetOptionName, unknown, readonly string[]]> = [
    ['mode', options.mode, WIDGET_MODES],
    ['valueFormat', options.valueFormat, VALUE_FORMATS],
    ['croppingMode', options.croppingMode, CROPPING_MODES],
    ['resourceType', options.resourceType, UPLOAD_RESOURCE_TYPES],
  ];
  for (const [name, value, allowed] of enums) {
    if (!oneOf(value, allowed)) {
      problems.push({
        code: 'upload-widget-invalid-option',
        message: `<kumo-upload-widget> ${name} = ${JSON.stringify(value)} is not one of ${allowed.join(', ')}; using ${String(DEFAULT_OPTIONS[name])}.`,
      });
    }
  }
  return problems;
}
