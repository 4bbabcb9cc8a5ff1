import { plural, uploadTable } from '../part-kit.js';

/** Why a file was not added. */
export const rejectionEnglish = {
  'errors.file_too_large': ({ name, size }: { name: string; size: string }) =>
    `“${name}” was not added: it is larger than ${size}.`,
  'errors.format_not_allowed': ({ name, formats }: { name: string; formats: string }) =>
    `“${name}” was not added: only these formats are allowed: ${formats}.`,
  'errors.min_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `“${name}” was not added: images must be at least ${width} × ${height} pixels.`,
  'errors.max_dimensions_validation': ({
    name,
    width,
    height,
  }: {
    name: string;
    width: string;
    height: string;
  }) => `“${name}” was not added: images must be at most ${width} × ${height} pixels.`,
  'errors.max_number_of_files': ({ name, max }: { name: string; max: number }) =>
    plural('en', max, {
      one: `“${name}” was not added: only # file can be uploaded.`,
      other: `“${name}” was not added: at most # files can be uploaded.`,
    }),
  'errors.unreadable': ({ name }: { name: string }) => `“${name}” was not added: it could not be read.`,
};

export const rejectionStrings = uploadTable(rejectionEnglish);
