import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { catalogFor } from './catalog.service.js';
import { CatalogProduct } from './catalog.types.js';

@Resolver()
export class CatalogResolver {
  @Query(() => [CatalogProduct], {
    description:
      'M1–M3, B3: products and SKUs for a customer’s market, with price, tax flag and availability.',
  })
  async catalog(
    @Ctx() ctx: RequestContext,
    @Arg('customerId', () => ID) customerId: string,
  ): Promise<CatalogProduct[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const catalog = await catalogFor(ctx.db, actor, customerId);
    return catalog.products.map((view) => CatalogProduct.of(view, catalog));
  }
}
