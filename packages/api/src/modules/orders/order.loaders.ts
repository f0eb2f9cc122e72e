import type { RequestContext } from '../../shared/context.js';
import { groupBy, partnerLoader } from '../../shared/loaders.js';
import { linesOfOrders, ordersOfCustomers } from './order.service.js';

/** Each customer's orders, newest first. */
export const ordersOfCustomerLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'ordersOfCustomer', async (customerIds, partnerId) =>
    groupBy(
      await ordersOfCustomers(ctx.db, partnerId, customerIds),
      (o) => o.customerId,
      customerIds,
    ),
  );

/** Each order's lines, in line order. */
export const linesOfOrderLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'linesOfOrder', async (orderIds, partnerId) =>
    groupBy(await linesOfOrders(ctx.db, partnerId, orderIds), (l) => l.orderId, orderIds),
  );
