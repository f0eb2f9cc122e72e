import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Sends every SQL statement to a sink: used by tests to count statements per request and to
 * prove that secrets never reach a log, even one that records every query and its parameters.
 */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly sink: (line: string) => void) {}

  logQuery(query: string, parameters?: unknown[]): void {
    this.sink(`query: ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.sink(`query failed: ${query} -- ${JSON.stringify(parameters ?? [])} -- ${String(error)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.sink(`slow query (${time} ms): ${query}`);
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Drops everything: TypeORM prints slow statements with their parameters even with logging off. */
export class SilentQueryLogger implements TypeOrmLogger {
  logQuery(): void {}
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
