// The one database handle: Kysely over D1 with every query and batch metered for Server-Timing.
import {
  type Compilable,
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

export type { Compilable } from "kysely";

/** What one request's queries cost D1: the Server-Timing header and the benchmark read it. */
export interface Meter {
  queries: number;
  rowsRead: number;
  rowsWritten: number;
  sqlMs: number;
}

export const newMeter = (): Meter => ({ queries: 0, rowsRead: 0, rowsWritten: 0, sqlMs: 0 });

function count(meter: Meter, meta: D1Meta): void {
  meter.queries += 1;
  meter.rowsRead += meta.rows_read ?? 0;
  meter.rowsWritten += meta.rows_written ?? 0;
  meter.sqlMs += meta.duration ?? 0;
}

class D1Connection implements DatabaseConnection {
  constructor(
    private readonly d1: D1Database,
    private readonly meter: Meter,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.d1
      .prepare(compiled.sql)
      .bind(...compiled.parameters)
      .all<R>();
    count(this.meter, result.meta);
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
    private readonly meter: Meter,
  ) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1, this.meter);
  }
  async beginTransaction(): Promise<void> {
    throw new Error("D1 has no interactive transactions: use db.batch()");
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** One statement's outcome in a batch: its rows (typed by the query's `returning`) and rows changed. */
export interface BatchResult<O> {
  rows: O[];
  changes: number;
}

type RowOf<S> = S extends Compilable<infer O> ? O : never;

/** Results in statement order, each typed by its own query. */
export type BatchResults<S extends readonly Compilable<unknown>[]> = {
  -readonly [K in keyof S]: BatchResult<RowOf<S[K]>>;
};

/**
 * Kysely over D1 for reads and single writes, plus `batch()` for atomic writes (D1 has no
 * interactive transactions). Both go through the same meter.
 */
export class Db extends Kysely<Database> {
  readonly meter: Meter;
  readonly #d1: D1Database;

  constructor(d1: D1Database, meter: Meter = newMeter()) {
    super({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new D1Driver(d1, meter),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
    this.meter = meter;
    this.#d1 = d1;
  }

  /** Runs the statements as one D1 batch: a single SQL transaction, all or nothing. */
  async batch<const S extends readonly Compilable<unknown>[]>(statements: S): Promise<BatchResults<S>> {
    const d1 = this.#d1;
    const prepared = statements.map((s) => {
      const compiled = s.compile();
      return d1.prepare(compiled.sql).bind(...compiled.parameters);
    });
    const results = await d1.batch(prepared);
    for (const r of results) count(this.meter, r.meta);
    // The shape is the statements' own, in order: D1 answers one result per statement.
    return results.map((r) => ({ rows: r.results, changes: r.meta.changes ?? 0 })) as BatchResults<S>;
  }

  /** Whole-table SQL kept as text (rebuilds, verification), metered like the rest. */
  async run<R = Record<string, unknown>>(text: string): Promise<R[]> {
    const result = await this.#d1.prepare(text).all<R>();
    count(this.meter, result.meta);
    return result.results;
  }
}

/** The SQL text of an error from D1 that a unique index refused. */
export function isUniqueViolation(err: unknown, index?: RegExp): boolean {
  if (!(err instanceof Error) || !/UNIQUE constraint failed/i.test(err.message)) return false;
  return index === undefined || index.test(err.message);
}
