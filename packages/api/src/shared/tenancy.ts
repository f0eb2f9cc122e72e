import type {
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';

/** A row that belongs to one partner. */
export interface PartnerOwned extends ObjectLiteral {
  partnerId: string;
}

/**
 * R8: reads of one partner's rows. Every helper adds `partnerId` to the condition, so a query
 * written through it cannot forget the tenant (one partner never sees another's rows). Catalog
 * rows (products, SKUs, prices) are the same for every partner and are read without it.
 *
 * `manager` is `db.manager` for committed reads, or a transaction's manager.
 */
export function forPartner(manager: EntityManager, owner: { readonly partnerId: string } | string) {
  const partnerId = typeof owner === 'string' ? owner : owner.partnerId;
  const where = <E extends PartnerOwned>(extra: FindOptionsWhere<E> = {}): FindOptionsWhere<E> =>
    // Spread first: a caller's own `partnerId` never overrides the scope.
    ({ ...extra, partnerId }) as FindOptionsWhere<E>;
  return {
    partnerId,
    where,
    findOne: <E extends PartnerOwned>(entity: EntityTarget<E>, extra: FindOptionsWhere<E>) =>
      manager.findOneBy(entity, where<E>(extra)),
    findBy: <E extends PartnerOwned>(entity: EntityTarget<E>, extra: FindOptionsWhere<E> = {}) =>
      manager.findBy(entity, where<E>(extra)),
    find: <E extends PartnerOwned>(
      entity: EntityTarget<E>,
      options: Omit<FindManyOptions<E>, 'where'> & { where?: FindOptionsWhere<E> } = {},
    ) => manager.find(entity, { ...options, where: where<E>(options.where) }),
    /** A query builder on `entity` as `alias`, already limited to the partner's rows. */
    query: <E extends PartnerOwned>(
      entity: EntityTarget<E>,
      alias: string,
    ): SelectQueryBuilder<E> =>
      manager
        .createQueryBuilder(entity, alias)
        .where(`${alias}.partner_id = :partnerId`, { partnerId }),
  };
}

export type PartnerScope = ReturnType<typeof forPartner>;
