import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { AppError, ErrorCode } from "./errors.js";

/** Largest page a client may ask for; large enough for a 1,000-subject dashboard query. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 50;

/** Every subgraph resolves its own page information, so the type is shareable. */
@ObjectType({ description: "分页信息 / Relay page information" })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "是否还有下一页 / whether more items follow" })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "是否有上一页 / whether items precede this page" })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "本页第一条的游标 / cursor of the first item" })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "本页最后一条的游标 / cursor of the last item" })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `每页条数（默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}）/ page size` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "从该游标之后开始 / start after this cursor" })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Counted when first read (the field is asked for): a page of a large directory should not pay a count it does not show. */
  readonly totalCount: Promise<number>;
}

/**
 * A Relay connection type for `node`. Cursors are opaque keyset positions (the row's numeric key),
 * so a page stays stable while rows are added elsewhere in the list.
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, label: string) {
  @ObjectType(`${name}Edge`, { description: `${label}（边）/ ${name} edge` })
  class EdgeType {
    @Field(() => String, { description: "游标 / cursor" })
    cursor!: string;

    @Field(() => node, { description: "节点 / node" })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `${label}分页列表 / paginated ${name} list` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: "边 / edges" })
    edges!: EdgeType[];

    @Field(() => [node], { description: "本页节点 / the nodes of this page" })
    nodes!: T[];

    @Field(() => PageInfo, { description: "分页信息 / page information" })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "符合条件的总数 / total number of matching items" })
    totalCount!: number;
  }
  return ConnectionType;
}

export function encodeCursor(key: number): string {
  return Buffer.from(`k:${key}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const m = /^k:(\d+)$/.exec(text);
  if (!m) throw new AppError(ErrorCode.BAD_USER_INPUT, "分页游标无效", { field: "after" });
  return Number(m[1]);
}

export function pageSize(first: number | null | undefined): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `每页条数应在 0 到 ${MAX_PAGE_SIZE} 之间`, { field: "first" });
  }
  return first;
}

/**
 * Runs a keyset page: `fetch(afterKey, limit)` returns rows ordered by key ascending, after the
 * given key. One extra row is fetched to know whether a next page exists. `count` runs only if the
 * query reads `totalCount` (the connection's getter), once: most pages (a dashboard's list, the
 * cross-department query's 1,000 subjects) do not ask for it, and over a large table it is the
 * costlier statement (docs/performance.md, "The cross-department query").
 */
export async function keysetPage<T>(
  args: PageArgs,
  key: (row: T) => number,
  fetch: (afterKey: number | null, limit: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const afterKey = args.after ? decodeCursor(args.after) : null;
  const rows = limit === 0 ? [] : await fetch(afterKey, limit + 1);
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: page,
    get totalCount() {
      return (counted ??= count());
    },
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: afterKey !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
