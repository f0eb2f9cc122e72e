import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { forPartner } from './tenancy.js';

/** A manager that answers with the condition it was asked, to see what a query would filter on. */
const echo = {
  findOneBy: (_entity: unknown, where: unknown) => Promise.resolve(where),
  findBy: (_entity: unknown, where: unknown) => Promise.resolve([where]),
  find: (_entity: unknown, options: unknown) => Promise.resolve([options]),
  query: (text: unknown, values: unknown) => Promise.resolve([{ text, values }]),
  connection: { options: { type: 'mysql' } },
} as unknown as EntityManager;

class Row {
  id = '';
  partnerId = '';
}

describe('forPartner (R8)', () => {
  const scope = forPartner(echo, { partnerId: 'p-1' });

  it('R8: every read is limited to the partner, and a caller cannot widen it', async () => {
    expect(await scope.findOne(Row, { id: 'x' })).toEqual({ id: 'x', partnerId: 'p-1' });
    expect(await scope.findBy(Row, { id: 'x', partnerId: 'p-2' })).toEqual([
      { id: 'x', partnerId: 'p-1' },
    ]);
    expect(await scope.findBy(Row)).toEqual([{ partnerId: 'p-1' }]);
    expect(await scope.find(Row, { order: { id: 'ASC' } })).toEqual([
      { order: { id: 'ASC' }, where: { partnerId: 'p-1' } },
    ]);
  });

  it('R8: a partner id or an actor name the same scope', () => {
    expect(forPartner(echo, 'p-1').where({ id: 'x' })).toEqual(scope.where({ id: 'x' }));
  });

  it('R8: plain-row SQL must name the scope, and the scope is always the partner’s', async () => {
    await expect(
      scope.rows('SELECT id FROM customers WHERE id = :id', { id: 'x' }),
    ).rejects.toThrow('partner_id = :partnerId');
    expect(
      await scope.rows(
        'SELECT id FROM customers c WHERE c.partner_id = :partnerId AND c.id IN (:ids) AND c.name > :id',
        { ids: ['a', 'b'], id: 'n', partnerId: 'p-2' },
      ),
    ).toEqual([
      {
        text: 'SELECT id FROM customers c WHERE c.partner_id = ? AND c.id IN (?, ?) AND c.name > ?',
        values: ['p-1', 'a', 'b', 'n'],
      },
    ]);
    await expect(
      scope.rows('SELECT id FROM t WHERE partner_id = :partnerId AND x = :missing'),
    ).rejects.toThrow(':missing');
  });
});
