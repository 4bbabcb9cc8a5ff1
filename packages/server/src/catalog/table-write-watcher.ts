import {
  AliasNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that calls `onWrite` around every statement that may change one of the watched
 * tables: inserts, updates, deletes and merges naming one, and raw SQL (which may write anything).
 * It is called both when the statement is compiled and after it ran, so a reader that started
 * before the write, or read between the two calls, always sees the signal after its read.
 */
export class TableWriteWatcher implements KyselyPlugin {
  /** Set by the owner of whatever depends on the tables (a cache); called with no arguments. */
  onWrite?: () => void;
  private readonly tables: ReadonlySet<string>;
  private readonly writes = new WeakSet<object>();

  constructor(tables: readonly string[]) {
    this.tables = new Set(tables);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.writesWatched(args.node)) {
      this.writes.add(args.queryId);
      this.onWrite?.();
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.writes.has(args.queryId)) this.onWrite?.();
    return args.result;
  }

  private writesWatched(node: RootOperationNode): boolean {
    switch (node.kind) {
      case 'InsertQueryNode':
      case 'MergeQueryNode':
        return this.watched(node.into);
      case 'UpdateQueryNode':
        return this.watched(node.table);
      case 'DeleteQueryNode':
        return node.from.froms.some((from) => this.watched(from));
      case 'RawNode':
        return true;
      default:
        return false;
    }
  }

  private watched(node: OperationNode | undefined): boolean {
    if (!node) return false;
    if (AliasNode.is(node)) return this.watched(node.node);
    return TableNode.is(node) && this.tables.has(node.table.identifier.name);
  }
}
