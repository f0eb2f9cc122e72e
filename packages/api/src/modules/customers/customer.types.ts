import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/graphql-types.js';
import type { CustomerEntity } from './customer.entity.js';
import { currencyForMarket, pricesIncludeTax } from '@csp/domain';

@ObjectType({ description: 'A customer of the partner.' })
export class Customer {
  @Field(() => ID, { description: 'The customer’s id.' })
  id: string;

  @Field(() => String, { description: 'The customer’s company name.' })
  name: string;

  @Field(() => String, { description: 'The customer’s tenant GUID.' })
  tenantId: string;

  @Field(() => String, { description: 'The customer’s primary domain, e.g. contoso.com.' })
  domain: string;

  // M1
  @Field(() => String, { description: 'The market, as an ISO 3166-1 alpha-2 code, e.g. "US".' })
  market: string;

  @Field(() => String, { description: 'The ISO 4217 currency the market is billed in.' })
  currency: string;

  // M3
  @Field(() => Boolean, { description: 'Whether prices in this market include tax.' })
  pricesIncludeTax: boolean;

  static of(entity: CustomerEntity): Customer {
    return Object.assign(new Customer(), {
      id: entity.id,
      name: entity.name,
      tenantId: entity.tenantId,
      domain: entity.domain,
      market: entity.market,
      currency: currencyForMarket(entity.market),
      pricesIncludeTax: pricesIncludeTax(entity.market),
    });
  }
}

@ObjectType({ description: 'A customer in a search result and its cursor.' })
export class CustomerEdge {
  @Field(() => String, { description: 'Pass as `after` to get the customers after this one.' })
  cursor: string;

  @Field(() => Customer, { description: 'The customer.' })
  node: Customer;

  // B1
  @Field(() => String, {
    nullable: true,
    description: 'The order ID the search matched, when it matched one of the customer’s orders.',
  })
  matchedOrderId: string | null;
}

@ObjectType({ description: 'A page of the partner’s customers.' })
export class CustomerConnection {
  @Field(() => [CustomerEdge], { description: 'The customers on this page.' })
  edges: CustomerEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many customers match (all pages).' })
  totalCount: number;
}
