import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { catalogFor } from './catalog.service.js';
import { CatalogProduct } from './catalog.types.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [CatalogProduct], {
    // M1–M3, B3
    description:
      'The products and SKUs of a customer’s market, with prices in its currency, whether they include tax, and availability.',
  })
  async catalog(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID, { description: 'The customer to buy for.' }) customerId: string,
  ): Promise<CatalogProduct[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const catalog = await catalogFor(ctx.db, actor, customerId);
    return catalog.products.map((view) => CatalogProduct.of(view, catalog, ctx.language));
  }
}
