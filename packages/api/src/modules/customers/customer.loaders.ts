import { In } from 'typeorm';
import type { RequestContext } from '../../shared/context.js';
import { byId, partnerLoader } from '../../shared/loaders.js';
import { forPartner } from '../../shared/tenancy.js';
import { CustomerEntity } from './customer.entity.js';

/** The caller's partner's customers by id; a foreign id loads as null (R8). */
export const customerLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'customer', async (ids, partnerId) =>
    byId(
      await forPartner(ctx.db.manager, partnerId).findBy(CustomerEntity, { id: In([...ids]) }),
      ids,
    ),
  );
