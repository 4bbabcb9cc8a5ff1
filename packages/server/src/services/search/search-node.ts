/**
 * The parsed form of a search expression. Field names are Cloudinary's; which columns they live in
 * is the compiler's business (see search-columns.ts), so the same tree serves any schema.
 */

export const STRING_FIELDS = [
  'public_id',
  'filename',
  'folder',
  'resource_type',
  'type',
  'format',
  'asset_id',
  'display_name',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];

export const NUMBER_FIELDS = ['bytes', 'width', 'height', 'pages', 'duration'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export const DATE_FIELDS = ['created_at', 'uploaded_at'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** Literal text with a wildcard (any run of characters, possibly empty) between each segment. */
export interface TextPattern {
  readonly segments: readonly string[];
}

/**
 * `token` (`field:value`) compares whole values ignoring ASCII case and honours wildcards;
 * `exact` (`field=value`) is a case-sensitive equality.
 */
export type MatchMode = 'token' | 'exact';

export interface Bound<T> {
  readonly value: T;
  readonly inclusive: boolean;
}

/** A calendar date, or an instant, denotes the span [start, end) in epoch milliseconds. */
export interface AbsoluteDate {
  readonly kind: 'absolute';
  readonly start: number;
  readonly end: number;
}

/** `3d`: the instant that long before "now", resolved when the expression is compiled. */
export interface RelativeDate {
  readonly kind: 'relative';
  readonly amount: number;
  readonly unit: RelativeUnit;
}

export type RelativeUnit = 'h' | 'd' | 'w' | 'm' | 'y';
export type DateValue = AbsoluteDate | RelativeDate;

/** An aspect ratio kept as a fraction so comparisons stay in exact integer arithmetic. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export type SearchNode =
  | { readonly kind: 'all' }
  | { readonly kind: 'and'; readonly children: readonly SearchNode[] }
  | { readonly kind: 'or'; readonly children: readonly SearchNode[] }
  | { readonly kind: 'not'; readonly child: SearchNode }
  | {
      readonly kind: 'string';
      readonly field: StringField;
      readonly mode: MatchMode;
      readonly pattern: TextPattern;
    }
  | { readonly kind: 'tags'; readonly mode: MatchMode; readonly pattern: TextPattern }
  | {
      readonly kind: 'context';
      readonly key: string;
      readonly mode: MatchMode;
      readonly pattern: TextPattern;
    }
  /** Free text: contained (ignoring ASCII case) in the public id, the filename or a tag. */
  | { readonly kind: 'text'; readonly pattern: TextPattern }
  /** No bounds at all means "has a value". */
  | {
      readonly kind: 'number';
      readonly field: NumberField;
      readonly lower?: Bound<number>;
      readonly upper?: Bound<number>;
    }
  | {
      readonly kind: 'date';
      readonly field: DateField;
      readonly lower?: Bound<DateValue>;
      readonly upper?: Bound<DateValue>;
    }
  /** `equals` matches within ±0.0005 (Cloudinary reports ratios to three decimals); bounds are exact. */
  | {
      readonly kind: 'aspect_ratio';
      readonly equals?: Ratio;
      readonly lower?: Bound<Ratio>;
      readonly upper?: Bound<Ratio>;
    };

export type SearchNodeKind = SearchNode['kind'];
