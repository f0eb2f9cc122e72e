import type { Request, Response } from 'express';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { forPartner } from '../../shared/tenancy.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { csvRow } from '../invoices/invoice-csv.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';
import { allActivity, validateFilter } from './activity-log.service.js';

const many = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];

/** A4: GET /activity-log.csv?from&to&operationTypes&customerId — the current filter as CSV. */
export function activityCsvRoute(db: Database) {
  return async (req: Request, res: Response) => {
    const actor = authorize((res.locals['actor'] as Actor | null) ?? null, 'VIEW_ACTIVITY_LOG');
    const filter = validateFilter({
      from: new Date(String(req.query['from'] ?? '')),
      to: new Date(String(req.query['to'] ?? '')),
      operationTypes: many(req.query['operationTypes']),
      customerId: req.query['customerId'] ? String(req.query['customerId']) : null,
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="activity-log-${filter.from.toISOString().slice(0, 10)}.csv"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.write(
      '\uFEFF' +
        csvRow([
          'time_utc',
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
        ]),
    );
    const names = new Map<string, string>();
    const flush = async (entries: ActivityEntryEntity[]) => {
      const missing = [
        ...new Set(
          entries.map((e) => e.customerId).filter((id): id is string => !!id && !names.has(id)),
        ),
      ];
      if (missing.length) {
        const customers = await forPartner(db.manager, actor).findBy(CustomerEntity, {
          id: In(missing),
        });
        for (const c of customers) names.set(c.id, c.name);
      }
      for (const e of entries) {
        res.write(
          csvRow([
            e.at.toISOString(),
            e.operation,
            e.outcome,
            e.failureCode ?? '',
            e.userEmail ?? '',
            e.customerId ? (names.get(e.customerId) ?? '') : '',
            e.productName ?? '',
            e.resource,
            e.remoteAddress ?? '',
            e.userAgent ?? '',
            e.count > 1 ? `${e.detail ?? ''} (×${e.count})`.trim() : (e.detail ?? ''),
          ]),
        );
      }
    };
    let entries: ActivityEntryEntity[] = [];
    for await (const entry of allActivity(db, actor, filter)) {
      entries.push(entry);
      if (entries.length === 200) {
        await flush(entries);
        entries = [];
      }
    }
    await flush(entries);
    res.end();
  };
}
