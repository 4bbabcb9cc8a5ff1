import { canonicalizeTransformation } from '@kumo/core';
import { decodeCursor, encodeCursor } from '../catalog/listing-cursor.js';
import type { NamedTransformation, TransformationCatalog } from '../catalog/transformation-catalog.js';
import { badRequest, ServiceError } from './service-error.js';

const NAME = /^[A-Za-z0-9_-]{1,200}$/;

/** Named transformations (Admin API `/transformations`), stored canonically. */
export class TransformationService {
  constructor(private readonly catalog: TransformationCatalog) {}

  async list(cloud: string, options: { maxResults: number; nextCursor?: string }) {
    const after = options.nextCursor ? String(decodeCursor(options.nextCursor)?.[0] ?? '') : undefined;
    const page = await this.catalog.list(cloud, options.maxResults, after);
    const last = page.items.at(-1);
    return {
      transformations: page.items.map(summary),
      ...(page.more && last ? { next_cursor: encodeCursor([last.name]) } : {}),
    };
  }

  async get(cloud: string, rawName: string) {
    const item = await this.require(cloud, rawName);
    return {
      ...summary(item),
      info: item.transformation.split('/').map((component) => ({ transformation: component })),
      derived: [],
    };
  }

  async create(cloud: string, rawName: string, definition: string | undefined, allowedForStrict: boolean) {
    const name = nameOf(rawName);
    if (!definition) throw badRequest('Missing required parameter - transformation');
    const created = await this.catalog.create(
      cloud,
      { name, transformation: canonical(definition), allowedForStrict },
      new Date().toISOString(),
    );
    if (!created) throw new ServiceError(409, `Transformation ${name} already exists`);
    return { message: 'created' };
  }

  async update(
    cloud: string,
    rawName: string,
    changes: { unsafeUpdate?: string; allowedForStrict?: boolean },
  ) {
    const item = await this.require(cloud, rawName);
    await this.catalog.update(cloud, {
      name: item.name,
      transformation: changes.unsafeUpdate ? canonical(changes.unsafeUpdate) : item.transformation,
      allowedForStrict: changes.allowedForStrict ?? item.allowedForStrict,
    });
    return { message: 'updated' };
  }

  async delete(cloud: string, rawName: string) {
    if (!(await this.catalog.delete(cloud, nameOf(rawName)))) {
      throw new ServiceError(404, `Transformation ${rawName} not found`);
    }
    return { message: 'deleted' };
  }

  private async require(cloud: string, rawName: string): Promise<NamedTransformation> {
    const item = await this.catalog.get(cloud, nameOf(rawName));
    if (!item) throw new ServiceError(404, `Transformation ${rawName} not found`);
    return item;
  }
}

/** Accepts `name` and `t_name`, as clients use both. */
function nameOf(raw: string): string {
  const name = raw.startsWith('t_') ? raw.slice(2) : raw;
  if (!NAME.test(name)) throw badRequest(`Invalid transformation name ${JSON.stringify(raw)}`);
  return name;
}

function canonical(definition: string): string {
  try {
    return canonicalizeTransformation(definition);
  } catch (error) {
    throw badRequest(`Invalid transformation ${JSON.stringify(definition)}: ${(error as Error).message}`);
  }
}

function summary(item: NamedTransformation) {
  return { name: `t_${item.name}`, allowed_for_strict: item.allowedForStrict, used: false, named: true };
}
