import { In } from 'typeorm';
import type { RequestContext } from '../../shared/context.js';
import { groupBy, partnerLoader } from '../../shared/loaders.js';
import { forPartner } from '../../shared/tenancy.js';
import { InvoiceLineEntity } from './invoice-line.entity.js';
import { invoiceLines } from './invoice.service.js';

/** Each invoice's lines, oldest first. */
export const linesOfInvoiceLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'linesOfInvoice', async (invoiceIds, partnerId) =>
    groupBy(await invoiceLines(ctx.db, invoiceIds, partnerId), (l) => l.invoiceId, invoiceIds),
  );

/** C9: the credit lines of order lines (one per cancelled line). */
export const creditsOfOrderLineLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'creditsOfOrderLine', async (lineIds, partnerId) =>
    groupBy(
      await forPartner(ctx.db.manager, partnerId).findBy(InvoiceLineEntity, {
        orderLineId: In([...lineIds]),
        kind: 'CREDIT',
      }),
      (l) => l.orderLineId,
      lineIds,
    ),
  );
