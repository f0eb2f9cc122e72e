import type { Request, Response } from 'express';
import { In } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { invoiceCsv } from './invoice-csv.js';
import { getInvoice, invoiceLines } from './invoice.service.js';

/** I2: GET /invoices/:id.csv — the invoice as CSV, for the signed-in partner's own invoices. */
export function invoiceCsvRoute(db: Database) {
  return async (req: Request, res: Response) => {
    const actor = res.locals['actor'] as Actor | null;
    if (!actor) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' });
      return;
    }
    const match = /^([0-9a-f-]{36})\.csv$/i.exec(String(req.params['file']));
    const invoice = match ? await getInvoice(db, actor, match[1]!).catch(() => null) : null;
    if (!invoice) {
      res.status(404).json({ code: 'NOT_FOUND', message: 'That invoice was not found.' });
      return;
    }
    const lines = await invoiceLines(db, [invoice.id], actor.partnerId);
    const customers = await db.manager.findBy(CustomerEntity, {
      partnerId: actor.partnerId,
      id: In([...new Set(lines.map((l) => l.customerId))]),
    });
    const csv = invoiceCsv(invoice, lines, new Map(customers.map((c) => [c.id, c.name])));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="invoice-${invoice.period}-${invoice.currency}.csv"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.send('\uFEFF' + csv);
  };
}
