export type { SearchAssetsOptions, SearchAssetsResult, SearchHit } from './search-assets.js';
export { searchAssets } from './search-assets.js';
export type { SearchColumns } from './search-columns.js';
export { CATALOG_SEARCH_COLUMNS } from './search-columns.js';
export type { CompileSearchOptions, SearchDialect, SearchFilter } from './search-compiler.js';
export { compileSearch, searchDialectOf } from './search-compiler.js';
export { decodeSearchCursor, encodeSearchCursor } from './search-cursor.js';
export type * from './search-node.js';
export { DATE_FIELDS, NUMBER_FIELDS, STRING_FIELDS } from './search-node.js';
export { parseSearchExpression, SEARCH_LIMITS } from './search-parser.js';
export type { AggregateField, SearchRequest, SortField, SortKey, WithField } from './search-request.js';
export {
  AGGREGATE_FIELDS,
  DEFAULT_SEARCH_RESULTS,
  DEFAULT_SORT,
  MAX_SEARCH_RESULTS,
  parseSearchRequest,
  SORT_FIELDS,
  searchBodySchema,
  WITH_FIELDS,
} from './search-request.js';
export { SearchSyntaxError } from './search-syntax-error.js';
