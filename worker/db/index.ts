// Kysely over D1: a minimal dialect (D1 has no interactive transactions) and the batch helper.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** What the queries of one request cost D1, for the Server-Timing header the benchmark reads. */
export interface Meter {
  queries: number;
  rowsRead: number;
  sqlMs: number;
}

class D1Connection implements DatabaseConnection {
  constructor(
    private readonly d1: D1Database,
    private readonly meter?: Meter,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.d1
      .prepare(compiled.sql)
      .bind(...compiled.parameters)
      .all<R>();
    if (this.meter) {
      this.meter.queries += 1;
      this.meter.rowsRead += result.meta.rows_read ?? 0;
      this.meter.sqlMs += result.meta.duration ?? 0;
    }
    const changes = result.meta.changes;
    return {
      rows: result.results,
      numAffectedRows: changes > 0 ? BigInt(changes) : undefined,
      insertId: result.meta.last_row_id ? BigInt(result.meta.last_row_id) : undefined,
    };
  }

  // biome-ignore lint/correctness/useYield: D1 has no cursors; Kysely requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("D1 does not support streaming");
  }
}

class D1Driver implements Driver {
  constructor(
    private readonly d1: D1Database,
    private readonly meter?: Meter,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1, this.meter);
  }
  async beginTransaction(): Promise<void> {
    throw new Error("D1 has no interactive transactions: use runBatch()");
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export function createDb(d1: D1Database, meter?: Meter): DB {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new D1Driver(d1, meter),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

/** Something that compiles to one SQL statement (any Kysely query builder). */
export interface Compilable {
  compile(): CompiledQuery;
}

/** Runs the queries as one D1 batch: a single SQL transaction, all or nothing. */
export async function runBatch(d1: D1Database, queries: Compilable[]): Promise<D1Result[]> {
  const statements = queries.map((q) => {
    const compiled = q.compile();
    return d1.prepare(compiled.sql).bind(...compiled.parameters);
  });
  return d1.batch(statements);
}
