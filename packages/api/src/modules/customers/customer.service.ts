import { Brackets } from 'typeorm';
import type { Database } from '../../data-source.js';
import type { Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, likeContains, pageSize } from '../../shared/cursor.js';
import { badInput, notFound } from '../../shared/errors.js';
import { forPartner } from '../../shared/tenancy.js';
import { OrderEntity } from '../orders/order.entity.js';
import { CustomerEntity } from './customer.entity.js';

export interface CustomerPage {
  rows: { customer: CustomerEntity; cursor: string; matchedOrderId: string | null }[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * B1: the partner's customers by name, with search on name, tenant GUID, domain or an order ID.
 * Keyset-paged on (name, id). Every query is scoped to the caller's partner (R8).
 */
export async function listCustomers(
  db: Database,
  actor: Actor,
  args: { search?: string | null; first?: number | null; after?: string | null },
): Promise<CustomerPage> {
  const size = pageSize(args.first);
  const search = args.search?.trim() ?? '';
  if (search.length > 200) badInput('search', 'Search for at most 200 characters.');

  const base = () => {
    const qb = forPartner(db.manager, actor).query(CustomerEntity, 'c');
    if (search) {
      qb.andWhere(
        new Brackets((w) => {
          w.where(`c.name LIKE :pattern ESCAPE '!'`, { pattern: likeContains(search) })
            .orWhere(`c.domain LIKE :pattern ESCAPE '!'`)
            .orWhere('LOWER(c.tenant_id) = :exact', { exact: search.toLowerCase() })
            .orWhere(
              `c.id IN (SELECT o.customer_id FROM orders o WHERE o.partner_id = :partnerId AND o.id = :orderId)`,
              { orderId: search.toUpperCase() },
            );
        }),
      );
    }
    return qb;
  };

  const page = base();
  if (args.after) {
    const [name, id] = decodeCursor(args.after, 2);
    page.andWhere(
      new Brackets((w) =>
        w.where('c.name > :name', { name }).orWhere('c.name = :name AND c.id > :id', { id }),
      ),
    );
  }
  const [customers, totalCount] = await Promise.all([
    page
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const hasNextPage = customers.length > size;
  const visible = customers.slice(0, size);

  // B1: a search that is an order ID says which order matched.
  let matchedOrder: OrderEntity | null = null;
  if (search) {
    matchedOrder = await forPartner(db.manager, actor).findOne(OrderEntity, {
      id: search.toUpperCase(),
    });
  }
  return {
    rows: visible.map((customer) => ({
      customer,
      cursor: encodeCursor([customer.name, customer.id]),
      matchedOrderId: matchedOrder?.customerId === customer.id ? matchedOrder.id : null,
    })),
    hasNextPage,
    totalCount,
  };
}

/** R8: a foreign customer answers exactly like a missing one. */
export async function getCustomer(db: Database, actor: Actor, id: string): Promise<CustomerEntity> {
  const customer = await forPartner(db.manager, actor).findOne(CustomerEntity, { id });
  return customer ?? notFound('customer');
}
