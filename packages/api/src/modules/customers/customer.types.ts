import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/graphql-types.js';
import type { CustomerEntity } from './customer.entity.js';
import { currencyForMarket, pricesIncludeTax } from '@csp/domain';

@ObjectType()
export class Customer {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The customer’s tenant GUID.' })
  tenantId: string;

  @Field(() => String)
  domain: string;

  @Field(() => String, { description: 'M1: ISO 3166-1 alpha-2 market.' })
  market: string;

  @Field(() => String, { description: 'M1: the currency the market is billed in.' })
  currency: string;

  @Field(() => Boolean, { description: 'M3: prices in this market include tax (AU, BR).' })
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

@ObjectType()
export class CustomerEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Customer)
  node: Customer;

  @Field(() => String, {
    nullable: true,
    description: 'B1: the order ID the search matched, if any.',
  })
  matchedOrderId: string | null;
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
