import type { Request, Response } from 'express';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import { requireActor, type Actor } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { forPartner } from '../../shared/tenancy.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { invoiceCsv } from './invoice-csv.js';
import { getInvoice, invoiceLines } from './invoice.service.js';
import { requestLanguage } from '../../shared/i18n/server-text.js';

/** I2: GET /invoices/:id.csv — the invoice as CSV, for the signed-in partner's own invoices. */
export function invoiceCsvRoute(db: Database) {
  return async (req: Request, res: Response) => {
    // Refusals are thrown: the server's one error handler answers them (401, 404, …).
    const actor = requireActor((res.locals['actor'] as Actor | null) ?? null);
    const match = /^([0-9a-f-]{36})\.csv$/i.exec(String(req.params['file']));
    if (!match) notFound('invoice');
    const invoice = await getInvoice(db, actor, match[1]!);
    const lines = await invoiceLines(db, [invoice.id], actor.partnerId);
    const customers = await forPartner(db.manager, actor).findBy(CustomerEntity, {
      id: In([...new Set(lines.map((l) => l.customerId))]),
    });
    const language = requestLanguage(req.query['lang'], req.get('accept-language'));
    const names = new Map(customers.map((c) => [c.id, c.name]));
    const csv = invoiceCsv(invoice, lines, names, language);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="invoice-${invoice.period}-${invoice.currency}.csv"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send('\uFEFF' + csv);
  };
}
