import type { RequestContext } from '../../shared/context.js';
import { byId, partnerLoader } from '../../shared/loaders.js';
import { forPartner } from '../../shared/tenancy.js';
import { CUSTOMER_COLUMNS, customerOfRow } from './customer.service.js';

/** The caller's partner's customers by id; a foreign id loads as null (R8). Plain rows. */
export const customerLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'customer', async (ids, partnerId) =>
    byId(
      (
        await forPartner(ctx.db.manager, partnerId).rows(
          `SELECT ${CUSTOMER_COLUMNS} FROM customers c
           WHERE c.partner_id = :partnerId AND c.id IN (:ids)`,
          { ids: [...ids] },
        )
      ).map(customerOfRow),
      ids,
    ),
  );
