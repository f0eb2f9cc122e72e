import { canonicalTimeZone, isoInTimeZone } from '@csp/domain';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { badInput } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { requestLanguage, serverText, type Language } from '../../shared/i18n/server-text.js';
import { forPartner } from '../../shared/tenancy.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';
import { ActivityEntry } from './activity.types.js';
import { allActivity, validateFilter, type ActivityFilter } from './activity-log.service.js';

const many = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];

/** The rows looked up together (one customer-name query per batch). */
const BATCH = 200;

/** The zone named by `?tz=`, checked against the zones Intl knows; UTC when none is given. */
export function timeZoneParam(value: unknown): string {
  if (value === undefined || value === '') return 'UTC';
  const zone = typeof value === 'string' ? canonicalTimeZone(value) : null;
  if (!zone) badInput('tz', 'TIME_ZONE_UNKNOWN');
  return zone;
}

const COLUMNS = [
  'operation',
  'outcome',
  'failure_code',
  'user',
  'customer',
  'product',
  'resource',
  'remote_address',
  'user_agent',
  'detail',
] as const;

/**
 * The header row in `language` (English: the column ids scripts read; Korean: words); the time
 * column says which zone its times are in, in either language.
 */
export function activityCsvHeader(timeZone: string, language: Language = 'en'): string[] {
  return [
    serverText(language, 'csv.activity.time', { zone: timeZone }),
    ...COLUMNS.map((column) => serverText(language, `csv.activity.${column}`)),
  ];
}

/**
 * The filter's entries as CSV records, read page by page as the consumer asks for more: when the
 * response stops draining (a slow client) or is destroyed (a client gone), no further page is read.
 */
async function* activityRecords(
  db: Database,
  actor: Actor,
  filter: ActivityFilter,
  timeZone: string,
  language: Language,
): AsyncGenerator<string[]> {
  const names = new Map<string, string>();
  let batch: ActivityEntryEntity[] = [];
  const drain = async function* () {
    const missing = [
      ...new Set(
        batch.map((e) => e.customerId).filter((id): id is string => !!id && !names.has(id)),
      ),
    ];
    if (missing.length) {
      const customers = await forPartner(db.manager, actor).findBy(CustomerEntity, {
        id: In(missing),
      });
      for (const c of customers) names.set(c.id, c.name);
    }
    for (const e of batch) {
      yield [
        isoInTimeZone(e.at, timeZone),
        e.operation,
        e.outcome,
        e.failureCode ?? '',
        e.userEmail ?? '',
        e.customerId ? (names.get(e.customerId) ?? '') : '',
        e.productName ?? '',
        e.resource,
        e.remoteAddress ?? '',
        e.userAgent ?? '',
        // The detail worded from its code in the CSV's language, with an hourly count (×n).
        ActivityEntry.of(e, language).detail ?? '',
      ];
    }
    batch = [];
  };
  for await (const entry of allActivity(db, actor, filter)) {
    batch.push(entry);
    if (batch.length === BATCH) yield* drain();
  }
  yield* drain();
}

/**
 * A4: GET /activity-log.csv?from&to&operationTypes&customerId&tz&lang — the current filter as CSV,
 * streamed: rows go out as pages are read, through `pipeline`, so backpressure and a client that
 * disconnects stop the reading. Times are in the `tz` zone with their offset (ISO 8601).
 */
export function activityCsvRoute(db: Database, logger: Logger) {
  return async (req: Request, res: Response) => {
    const actor = authorize((res.locals['actor'] as Actor | null) ?? null, 'VIEW_ACTIVITY_LOG');
    const filter = validateFilter({
      from: new Date(String(req.query['from'] ?? '')),
      to: new Date(String(req.query['to'] ?? '')),
      operationTypes: many(req.query['operationTypes']),
      customerId: req.query['customerId'] ? String(req.query['customerId']) : null,
    });
    const timeZone = timeZoneParam(req.query['tz']);
    const language = requestLanguage(req.query['lang'], req.get('accept-language'));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="activity-log-${isoInTimeZone(filter.from, timeZone).slice(0, 10)}.csv"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    const csv = stringify({
      bom: true, // Excel reads the file as UTF-8 (Korean names, the × of a count).
      header: true,
      columns: activityCsvHeader(timeZone, language),
      record_delimiter: 'windows',
      // A leading =, +, -, @ (or a tab or CR) is prefixed with ' so spreadsheets never run a cell.
      escape_formulas: true,
    });
    try {
      await pipeline(
        Readable.from(activityRecords(db, actor, filter, timeZone, language)),
        csv,
        res,
      );
    } catch (error) {
      // A client that went away mid-file is normal; anything else after the headers went out can
      // only end the response early, so it is logged here rather than answered.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        logger.info('activity CSV stopped early: the client went away');
        return;
      }
      logger.error('activity CSV stopped', { message: (error as Error).message });
      res.destroy();
    }
  };
}
