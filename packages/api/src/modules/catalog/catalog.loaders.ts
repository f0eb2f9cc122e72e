import { In } from 'typeorm';
import type { RequestContext } from '../../shared/context.js';
import { byId, requestLoader } from '../../shared/loaders.js';
import { plainQuery } from '../../shared/raw-rows.js';
import type { ProductEntity } from './product.entity.js';
import { SkuEntity } from './sku.entity.js';

/** A product from a plain row (issue 13: the hot reads need no entity hydration). */
export function productOfRow(r: Record<string, unknown>): ProductEntity {
  return {
    id: r['id'] as string,
    name: r['name'] as string,
    kind: r['kind'] as ProductEntity['kind'],
    description: r['description'] as string,
    descriptionKo: (r['description_ko'] as string | null) ?? null,
    hasActivationKeys: Boolean(Number(r['has_activation_keys'])),
    azureHybridBenefit: Boolean(Number(r['azure_hybrid_benefit'])),
    downloadOptions: JSON.parse(
      r['download_options'] as string,
    ) as ProductEntity['downloadOptions'],
  };
}

/** The columns `productOfRow` reads. */
export const PRODUCT_COLUMNS =
  'id, name, kind, description, description_ko, has_activation_keys, azure_hybrid_benefit, download_options';

/** Products by id (the catalog is the same for every partner). */
export const productLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'product', async (ids) =>
    byId(
      (
        await plainQuery(
          ctx.db.manager,
          `SELECT ${PRODUCT_COLUMNS} FROM products WHERE id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        )
      ).map(productOfRow),
      ids,
    ),
  );

/** SKUs by id. */
export const skuLoader = (ctx: RequestContext) =>
  requestLoader(ctx, 'sku', async (ids) =>
    byId(await ctx.db.manager.findBy(SkuEntity, { id: In([...ids]) }), ids),
  );
