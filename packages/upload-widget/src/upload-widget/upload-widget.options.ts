/**
 * The widget's options as data, apart from the element: list attributes to arrays, the option
 * object to and from the element's properties, the engine's options from the widget's, the form
 * value, and which options a change of re-checks the configuration (configuration-problems.ts,
 * loaded only while development warnings are on). Pure functions only.
 */
import type { UploadResponse } from '@kumo/core';
import type { ComplexAttributeConverter } from 'lit';
import { UPLOAD_SOURCES, type UploadQueueOptions, type UploadSource } from '../engine/upload-queue.types.js';
import {
  UPLOAD_RESOURCE_TYPES,
  type UploadWidgetOptionName,
  type UploadWidgetOptions,
} from './upload-widget.types.js';

/** `"local, url camera"` → `['local', 'url', 'camera']`: commas and/or spaces separate items. */
export function parseList(value: string | null | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Tags may contain spaces, so a list with a comma splits on commas only. */
export function parseTags(value: string | null | undefined): string[] {
  const text = value ?? '';
  const parts = text.includes(',') ? text.split(',') : text.split(/\s+/);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** `"16/9"`, `"16:9"` or `"1.5"` → a positive ratio; undefined for anything else. */
export function parseAspectRatio(value: string | null | undefined): number | undefined {
  const text = (value ?? '').trim();
  if (!text) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*[/:]\s*(\d+(?:\.\d+)?)$/.exec(text);
  const ratio = match ? Number(match[1]) / Number(match[2]) : Number(text);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}

/** A number attribute that reads as undefined when absent, empty or not a number. */
export const numberConverter: ComplexAttributeConverter<number | undefined> = {
  fromAttribute: (value) => {
    if (value === null || value.trim() === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  },
  toAttribute: (value) => (value === undefined ? null : String(value)),
};

/** A space- or comma-separated list attribute (`sources`, `client-allowed-formats`). */
export const listConverter: ComplexAttributeConverter<readonly string[]> = {
  fromAttribute: (value) => parseList(value),
  toAttribute: (value) => value.join(' '),
};

/** The `tags` attribute: comma-separated, or space-separated when there is no comma. */
export const tagsConverter: ComplexAttributeConverter<readonly string[]> = {
  fromAttribute: (value) => parseTags(value),
  toAttribute: (value) => value.join(','),
};

/** `cropping-aspect-ratio="16/9"`. */
export const aspectRatioConverter: ComplexAttributeConverter<number | undefined> = {
  fromAttribute: (value) => parseAspectRatio(value),
  toAttribute: (value) => (value === undefined ? null : String(value)),
};

/** `cropping-aspect-ratios="1 4/3 16/9"`: the preset buttons of the crop step. */
export const aspectRatiosConverter: ComplexAttributeConverter<readonly number[]> = {
  fromAttribute: (value) =>
    parseList(value)
      .map((item) => parseAspectRatio(item))
      .filter((ratio): ratio is number => ratio !== undefined),
  toAttribute: (value) => value.join(' '),
};

/** The defaults of every option. */
export const DEFAULT_OPTIONS: Readonly<UploadWidgetOptions> = Object.freeze({
  apiBase: '',
  cloudName: '',
  uploadPreset: undefined,
  apiKey: undefined,
  uploadSignature: undefined,
  prepareUploadParams: undefined,
  preBatch: undefined,
  singleUploadAutoClose: false,
  autoMinimize: false,
  resourceType: 'auto',
  sources: Object.freeze([...UPLOAD_SOURCES]),
  defaultSource: undefined,
  multiple: false,
  maxFiles: undefined,
  maxFileSize: undefined,
  maxImageFileSize: undefined,
  maxVideoFileSize: undefined,
  maxRawFileSize: undefined,
  clientAllowedFormats: Object.freeze([]),
  minImageWidth: undefined,
  minImageHeight: undefined,
  maxImageWidth: undefined,
  maxImageHeight: undefined,
  validateMaxWidthHeight: false,
  cropping: false,
  croppingAspectRatio: undefined,
  croppingAspectRatios: Object.freeze([]),
  croppingMode: 'coordinates',
  showSkipCropButton: false,
  folder: undefined,
  tags: Object.freeze([]),
  context: undefined,
  publicId: undefined,
  chunkSize: undefined,
  parallelUploads: undefined,
  mode: 'modal',
  showAdvancedOptions: false,
  text: undefined,
  palette: undefined,
  name: '',
  required: false,
  valueFormat: 'public_id',
  recoveryKey: undefined,
});

/** Every option name. */
export const OPTION_NAMES = Object.keys(DEFAULT_OPTIONS) as UploadWidgetOptionName[];

const isOptionName = (name: string): name is UploadWidgetOptionName => Object.hasOwn(DEFAULT_OPTIONS, name);

/** The options an object holds (an element, say), every name present. */
export function readOptions(source: Readonly<UploadWidgetOptions>): UploadWidgetOptions {
  const options = {} as Record<UploadWidgetOptionName, unknown>;
  for (const name of OPTION_NAMES) options[name] = source[name];
  return options as unknown as UploadWidgetOptions;
}

/**
 * Splits what `update()` was given into known options and unknown names. Cloudinary's snake_case
 * names (`cloud_name`, `max_file_size`) are accepted as their camelCase option.
 */
export function splitOptions(input: Readonly<Record<string, unknown>>): {
  readonly known: Partial<UploadWidgetOptions>;
  readonly unknown: readonly string[];
} {
  const known: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [raw, value] of Object.entries(input)) {
    const name = raw.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    if (isOptionName(name)) known[name] = value;
    else unknown.push(raw);
  }
  return { known: known as Partial<UploadWidgetOptions>, unknown };
}

/** The sources the widget shows, in the given order, without unknown names or repeats. */
export function knownSources(sources: readonly string[]): UploadSource[] {
  const result: UploadSource[] = [];
  for (const source of sources) {
    if ((UPLOAD_SOURCES as readonly string[]).includes(source) && !result.includes(source as UploadSource)) {
      result.push(source as UploadSource);
    }
  }
  return result;
}

/** The key under which the queue survives a reload: only when the widget can be told apart. */
export function recoveryKeyOf(options: {
  readonly cloudName: string;
  readonly id: string;
  readonly recoveryKey: string | undefined;
}): string | undefined {
  const own = options.recoveryKey?.trim() || options.id.trim();
  return own ? `kumo-upload:${options.cloudName}:${own}` : undefined;
}

/** Extra parameters the person typed in the advanced options, for the next uploads. */
export interface AdvancedParameters {
  readonly publicId?: string;
  readonly tags?: readonly string[];
}

const definedOnly = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

/** Options the engine takes as they are. */
const PASSED_OPTIONS = [
  'apiBase',
  'cloudName',
  'chunkSize',
  'parallelUploads',
  'maxFiles',
  'maxFileSize',
  'maxImageFileSize',
  'maxVideoFileSize',
  'maxRawFileSize',
  'minImageWidth',
  'minImageHeight',
  'maxImageWidth',
  'maxImageHeight',
  'context',
] as const satisfies readonly (keyof UploadQueueOptions)[];

/** Options the engine takes only when set: empty strings, `false` and empty lists are left out. */
const SET_OPTIONS = [
  'uploadPreset',
  'apiKey',
  'uploadSignature',
  'prepareUploadParams',
  'clientAllowedFormats',
  'validateMaxWidthHeight',
  'folder',
] as const satisfies readonly (keyof UploadQueueOptions)[];

/** The engine's options for the widget's options. */
export function toQueueOptions(
  options: UploadWidgetOptions,
  extra: { readonly recoveryKey?: string; readonly advanced?: AdvancedParameters } = {},
): UploadQueueOptions {
  const queue: Record<string, unknown> = {};
  for (const name of PASSED_OPTIONS) queue[name] = options[name];
  for (const name of SET_OPTIONS) {
    const value = options[name];
    if (value && (!Array.isArray(value) || value.length > 0)) queue[name] = value;
  }
  const tags = [...new Set([...options.tags, ...(extra.advanced?.tags ?? [])])];
  return definedOnly({
    ...queue,
    resourceType: validOr(options.resourceType, UPLOAD_RESOURCE_TYPES, 'auto'),
    recoveryKey: extra.recoveryKey,
    tags: tags.length > 0 ? tags : undefined,
    publicId: extra.advanced?.publicId || options.publicId || undefined,
  }) as UploadQueueOptions;
}

/** The `accept` of the file picker for the allowed formats (`.jpg,.png`); empty accepts anything. */
export function acceptOf(formats: readonly string[]): string {
  return formats.map((format) => `.${format.replace(/^\./, '').toLowerCase()}`).join(',');
}

/** What the form receives for the uploaded files. */
export function formValues(
  uploaded: readonly UploadResponse[],
  format: UploadWidgetOptions['valueFormat'],
): string[] {
  return uploaded.map((info) => (format === 'url' ? info.secure_url : info.public_id));
}

/** The options whose change re-checks the configuration. */
export const CHECKED_OPTIONS: readonly UploadWidgetOptionName[] = [
  'cloudName',
  'uploadPreset',
  'uploadSignature',
  'sources',
  'mode',
  'valueFormat',
  'croppingMode',
  'resourceType',
];

/** Whether `value` is one of `allowed` (attributes can hold anything). */
export const oneOf = (value: unknown, allowed: readonly string[]) =>
  typeof value === 'string' && allowed.includes(value);

/** `value` when it is one of `allowed`, else `fallback`. */
export function validOr<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return oneOf(value, allowed) ? (value as T) : fallback;
}
