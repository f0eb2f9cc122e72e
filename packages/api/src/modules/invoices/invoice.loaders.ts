import type { RequestContext } from '../../shared/context.js';
import { groupBy, partnerLoader } from '../../shared/loaders.js';
import { invoiceLines } from './invoice.service.js';

/** Each invoice's lines, oldest first. */
export const linesOfInvoiceLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'linesOfInvoice', async (invoiceIds, partnerId) =>
    groupBy(await invoiceLines(ctx.db, invoiceIds, partnerId), (l) => l.invoiceId, invoiceIds),
  );
