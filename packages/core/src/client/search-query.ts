import type { SearchParams } from '../types/admin.js';

/** Fluent builder for a search body, mirroring the SDK's `search.expression(…).sort_by(…)…` chain. */
export class SearchQuery {
  readonly #params: SearchParams = {};

  /** Sets the expression, e.g. `resource_type:image AND tags=shoe`. */
  expression(expression: string): this {
    this.#params.expression = expression;
    return this;
  }

  /** Adds a sort field (applied in the order added). */
  sortBy(field: string, direction: 'asc' | 'desc' = 'desc'): this {
    this.#params.sort_by = [...(this.#params.sort_by ?? []), { [field]: direction }];
    return this;
  }

  /** Page size (up to 500). */
  maxResults(count: number): this {
    this.#params.max_results = count;
    return this;
  }

  /** Continues from a previous page. */
  nextCursor(cursor: string): this {
    this.#params.next_cursor = cursor;
    return this;
  }

  /** Requests counts by a field (`format`, `resource_type`, `type`). */
  aggregate(field: string): this {
    this.#params.aggregate = [...(this.#params.aggregate ?? []), field];
    return this;
  }

  /** Includes an extra field per resource (`tags`, `context`, …). */
  withField(field: string): this {
    this.#params.with_field = [...(this.#params.with_field ?? []), field];
    return this;
  }

  /** The JSON body sent to `POST /resources/search`. */
  toJSON(): SearchParams {
    return structuredClone(this.#params);
  }
}

/** Starts a search query: `searchQuery().expression('tags=shoe').maxResults(30)`. */
export function searchQuery(): SearchQuery {
  return new SearchQuery();
}
