import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { badInput } from './errors.js';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Builds the `XConnection` and `XEdge` types of one node type (docs/architecture.md, GraphQL names). */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int)
    totalCount!: number;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export const MAX_PAGE = 200;

/** Reads `first` and `after` (an opaque offset cursor) and checks their bounds. */
export function pageArgs(first: number | undefined | null, after: string | undefined | null): { limit: number; offset: number } {
  const limit = first ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput(`"first" must be a whole number between 1 and ${MAX_PAGE}.`, { field: 'first', min: 1, max: MAX_PAGE });
  let offset = 0;
  if (after) {
    const decoded = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^o:/, ''));
    if (!Number.isInteger(decoded) || decoded < 0) throw badInput('The "after" cursor is not valid.', { field: 'after' });
    offset = decoded + 1;
  }
  return { limit, offset };
}

/** Wraps one page of rows as a connection. */
export function toConnection<T>(rows: T[], totalCount: number, offset: number) {
  const edges = rows.map((node, i) => ({ node, cursor: Buffer.from(`o:${offset + i}`).toString('base64url') }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: offset + rows.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
