import { In } from 'typeorm';
import type { RequestContext } from '../../shared/context.js';
import { byId, requestLoader } from '../../shared/loaders.js';
import { ProductEntity } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';

/** Products by id (the catalog is the same for every partner). */
export const productLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'product', async (ids) =>
    byId(await ctx.db.manager.findBy(ProductEntity, { id: In([...ids]) }), ids),
  );

/** SKUs by id. */
export const skuLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'sku', async (ids) =>
    byId(await ctx.db.manager.findBy(SkuEntity, { id: In([...ids]) }), ids),
  );
