import type {
  EntityManager,
  EntityTarget,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  SelectQueryBuilder,
} from 'typeorm';
import { plainQuery } from './raw-rows.js';

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
    /**
     * Plain rows from hand-written SQL, for hot reads that need no entities (issue 13). The SQL
     * must name the scope as `partner_id = :partnerId` (refused otherwise); `:partnerId` is always
     * the partner's id, whatever `params` says. Other values are `:name` parameters; an array
     * expands to a list for `IN (:ids)`.
     */
    rows: async <T = Record<string, unknown>>(
      sql: string,
      params: Readonly<Record<string, unknown>> = {},
    ): Promise<T[]> => {
      const { text, values } = bindNamed(sql, { ...params, partnerId });
      return plainQuery<T>(manager, text, values);
    },
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

interface Template {
  /** Text between parameters: `parts[i]`, then the value of `names[i]`, … */
  parts: string[];
  names: string[];
}
const templates = new Map<string, Template>();

/** The SQL split at its `:name` parameters, once per statement text. */
function templateOf(sql: string): Template {
  let template = templates.get(sql);
  if (!template) {
    if (!/\bpartner_id\s*=\s*:partnerId\b/.test(sql)) {
      throw new Error('A partner-scoped statement must say `partner_id = :partnerId` (R8).');
    }
    const parts: string[] = [];
    const names: string[] = [];
    let last = 0;
    for (const match of sql.matchAll(/(?<![:\w]):([A-Za-z_]\w*)/g)) {
      parts.push(sql.slice(last, match.index));
      names.push(match[1]!);
      last = match.index! + match[0].length;
    }
    parts.push(sql.slice(last));
    template = { parts, names };
    if (templates.size < 500) templates.set(sql, template);
  }
  return template;
}

/** `:name` parameters as positional `?` (both drivers take those); arrays become `?, ?, …`. */
function bindNamed(
  sql: string,
  params: Readonly<Record<string, unknown>>,
): { text: string; values: unknown[] } {
  const { parts, names } = templateOf(sql);
  let text = parts[0]!;
  const values: unknown[] = [];
  names.forEach((name, i) => {
    if (!(name in params)) throw new Error(`No value for the SQL parameter :${name}.`);
    const value = params[name];
    if (Array.isArray(value)) {
      if (value.length === 0) throw new Error(`The list :${name} is empty.`);
      text += value.map(() => '?').join(', ');
      values.push(...value);
    } else {
      text += '?';
      values.push(value);
    }
    text += parts[i + 1]!;
  });
  return { text, values };
}

export type PartnerScope = ReturnType<typeof forPartner>;
