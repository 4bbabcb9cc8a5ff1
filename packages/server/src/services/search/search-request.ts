import { z } from 'zod';
import { badRequest } from '../service-error.js';
import { DATE_FIELDS, NUMBER_FIELDS, type SearchNode, STRING_FIELDS } from './search-node.js';
import { parseSearchExpression, SEARCH_LIMITS } from './search-parser.js';

/** Fields results can be sorted by: every text, number and date field of the expression language. */
export const SORT_FIELDS = [...DATE_FIELDS, ...STRING_FIELDS, ...NUMBER_FIELDS] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const AGGREGATE_FIELDS = ['format', 'resource_type', 'type'] as const;
export type AggregateField = (typeof AGGREGATE_FIELDS)[number];

/** Cloudinary's `with_field` values; Kumo fills in tags and context and accepts the rest without data. */
export const WITH_FIELDS = [
  'tags',
  'context',
  'metadata',
  'image_metadata',
  'image_analysis',
  'quality_analysis',
  'accessibility_analysis',
] as const;
export type WithField = (typeof WITH_FIELDS)[number];

export interface SortKey {
  readonly field: SortField;
  readonly direction: 'asc' | 'desc';
}

export const MAX_SEARCH_RESULTS = 500;
export const DEFAULT_SEARCH_RESULTS = 50;
export const DEFAULT_SORT: readonly SortKey[] = [{ field: 'created_at', direction: 'desc' }];

/** A validated `POST /resources/search` body. */
export interface SearchRequest {
  readonly expression: SearchNode;
  readonly sortBy: readonly SortKey[];
  readonly maxResults: number;
  readonly nextCursor?: string;
  readonly aggregate: readonly AggregateField[];
  readonly withField: readonly WithField[];
  readonly fields?: readonly string[];
}

const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.union([item.transform((value) => [value]), z.array(item).max(50, 'at most 50 entries')]).optional();

const sortEntry = z
  .record(z.string(), z.string())
  .refine((entry) => Object.keys(entry).length === 1, {
    message: 'each entry names one field, as in {"created_at": "desc"}',
  })
  .transform((entry, ctx): SortKey => {
    const [field = '', rawDirection = ''] = Object.entries(entry)[0] ?? [];
    const direction = rawDirection.toLowerCase();
    if (!(SORT_FIELDS as readonly string[]).includes(field)) {
      ctx.addIssue({
        code: 'custom',
        message: `cannot sort by '${field}' (use one of ${SORT_FIELDS.join(', ')})`,
      });
      return z.NEVER;
    }
    if (direction !== 'asc' && direction !== 'desc') {
      ctx.addIssue({ code: 'custom', message: `sort direction of '${field}' must be "asc" or "desc"` });
      return z.NEVER;
    }
    return { field: field as SortField, direction };
  });

const maxResults = z.preprocess(
  (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
  z
    .number({ invalid_type_error: 'max_results must be a whole number' })
    .int('max_results must be a whole number')
    .min(0, 'max_results must be 0 or more')
    .max(MAX_SEARCH_RESULTS, `max_results must be at most ${MAX_SEARCH_RESULTS}`),
);

const aggregateField = z.string().refine((value) => (AGGREGATE_FIELDS as readonly string[]).includes(value), {
  message: `aggregate supports ${AGGREGATE_FIELDS.join(', ')} (range aggregations are not supported)`,
});

const withField = z.string().refine((value) => (WITH_FIELDS as readonly string[]).includes(value), {
  message: `with_field must be one of ${WITH_FIELDS.join(', ')}`,
});

/** The JSON body as the SDKs send it (they drop empty arrays; blank values mean "not given"). */
export const searchBodySchema = z.object({
  expression: z.string().max(SEARCH_LIMITS.maxLength).optional().nullable(),
  sort_by: z.array(sortEntry).max(5, 'sort_by takes at most 5 fields').optional().nullable(),
  max_results: maxResults.optional().nullable(),
  next_cursor: z.string().max(2048).optional().nullable(),
  aggregate: listOf(aggregateField).nullable(),
  with_field: listOf(withField).nullable(),
  fields: z
    .union([
      z.string().transform((value) => value.split(',').map((field) => field.trim())),
      z.array(z.string()),
    ])
    .optional()
    .nullable(),
});

/**
 * Validates a search body and parses its expression. Throws a 400 ServiceError naming the bad
 * field, or a SearchSyntaxError (also 400) for the expression.
 */
export function parseSearchRequest(body: unknown): SearchRequest {
  const parsed = searchBodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw badRequest(`Invalid search request - ${where}${issue?.message ?? 'invalid body'}`);
  }
  const data = parsed.data;
  const fields = data.fields?.filter((field) => field !== '');
  return {
    expression: parseSearchExpression(data.expression ?? ''),
    sortBy: data.sort_by?.length ? data.sort_by : DEFAULT_SORT,
    maxResults: data.max_results ?? DEFAULT_SEARCH_RESULTS,
    ...(data.next_cursor ? { nextCursor: data.next_cursor } : {}),
    aggregate: [...new Set(data.aggregate ?? [])] as AggregateField[],
    withField: [...new Set(data.with_field ?? [])] as WithField[],
    ...(fields?.length ? { fields } : {}),
  };
}
