import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type InsertEvent,
  type UpdateEvent,
} from 'typeorm';
import { CustomerEntity } from './customer.entity.js';
import { searchTermsOf } from './customer-search.js';

/** Rewrites one customer's search terms inside the writing transaction `m` (B1, issue 13). */
export async function indexCustomerForSearch(
  m: EntityManager,
  customer: Pick<CustomerEntity, 'id' | 'partnerId' | 'name' | 'domain'>,
): Promise<void> {
  await m.query('DELETE FROM customer_search_terms WHERE customer_id = ?', [customer.id]);
  const terms = searchTermsOf(customer.name, customer.domain);
  for (let i = 0; i < terms.length; i += 300) {
    const batch = terms.slice(i, i + 300);
    await m.query(
      `INSERT INTO customer_search_terms (partner_id, term, customer_id) VALUES ${batch
        .map(() => '(?, ?, ?)')
        .join(', ')}`,
      batch.flatMap((term) => [customer.partnerId, term, customer.id]),
    );
  }
}

/**
 * Keeps `customer_search_terms` in step with every customer written through TypeORM, in the same
 * transaction; tenant GUIDs are stored in lower case (the exact look-up compares them so).
 * A query-builder UPDATE does not say which rows it changed: rename a customer with `save()`, or
 * call `indexCustomerForSearch` in the same transaction. Bulk loads that bypass TypeORM (the
 * bench seed) write the terms themselves.
 */
@EventSubscriber()
export class CustomerSearchSubscriber implements EntitySubscriberInterface<CustomerEntity> {
  listenTo() {
    return CustomerEntity;
  }

  beforeInsert(event: InsertEvent<CustomerEntity>): void {
    if (typeof event.entity?.tenantId === 'string') {
      event.entity.tenantId = event.entity.tenantId.toLowerCase();
    }
  }

  async afterInsert(event: InsertEvent<CustomerEntity>): Promise<void> {
    await indexCustomerForSearch(event.manager, event.entity);
  }

  beforeUpdate(event: UpdateEvent<CustomerEntity>): void {
    const entity = event.entity as Partial<CustomerEntity> | undefined;
    if (typeof entity?.tenantId === 'string') entity.tenantId = entity.tenantId.toLowerCase();
  }

  async afterUpdate(event: UpdateEvent<CustomerEntity>): Promise<void> {
    const id =
      (event.entity as Partial<CustomerEntity> | undefined)?.id ?? event.databaseEntity?.id;
    if (!id) return;
    const customer = await event.manager.findOneBy(CustomerEntity, { id });
    if (customer) await indexCustomerForSearch(event.manager, customer);
  }
}
