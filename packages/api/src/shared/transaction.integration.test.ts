import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../data-source.js';
import { PartnerEntity } from '../modules/auth/partner.entity.js';
import { ENGINES, MYSQL_AVAILABLE, openTestDatabase } from '../test-support/harness.js';

/** Resolves when `count` parties have arrived: the first attempts of two transactions meet here. */
function barrier(count: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived >= count) open();
    return opened;
  };
}

describe.skipIf(!MYSQL_AVAILABLE)('X1: a real InnoDB deadlock [mysql]', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('mysql');
    await db.transaction(async (m) => {
      for (const id of ['a', 'b']) {
        await m.insert(PartnerEntity, { id, name: `partner ${id}`, createdAt: new Date() });
      }
    });
  });
  afterAll(() => db.close());

  it('X1: two transactions that lock two rows in opposite order both commit: the loser is rolled back and run again', async () => {
    const meet = barrier(2);
    const attempts = { first: 0, second: 0 };
    const rename = (who: 'first' | 'second', order: [string, string]) =>
      db.transaction(async (m) => {
        attempts[who] += 1;
        await m.update(PartnerEntity, { id: order[0] }, { name: `${who} was here` });
        if (attempts[who] === 1) await meet(); // both hold their first row: now cross over
        await m.update(PartnerEntity, { id: order[1] }, { name: `${who} was here` });
        return who;
      });
    const results = await Promise.all([rename('first', ['a', 'b']), rename('second', ['b', 'a'])]);
    expect(results).toEqual(['first', 'second']);
    // InnoDB chose one victim; the helper ran it again from the start.
    expect(attempts.first + attempts.second).toBe(3);
    const rows = await db.manager.find(PartnerEntity, { order: { id: 'ASC' } });
    // Whoever committed last wrote both rows: the two rows agree, nothing half-done.
    expect(rows[0]!.name).toBe(rows[1]!.name);
  });

  it('X1: work marked not repeatable is not run again; the caller hears DATABASE-level failure, not a second run', async () => {
    const meet = barrier(2);
    let runsOfOnce = 0;
    const outcomes = await Promise.allSettled([
      db.transaction(
        async (m) => {
          runsOfOnce += 1;
          await m.update(PartnerEntity, { id: 'a' }, { name: 'once' });
          await meet();
          await m.update(PartnerEntity, { id: 'b' }, { name: 'once' });
        },
        { repeatable: false },
      ),
      db.transaction(async (m) => {
        await m.update(PartnerEntity, { id: 'b' }, { name: 'retried' });
        await meet();
        await m.update(PartnerEntity, { id: 'a' }, { name: 'retried' });
      }),
    ]);
    expect(runsOfOnce).toBe(1);
    // At least one side committed; a failed not-repeatable side left nothing behind.
    expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
    const rows = await db.manager.find(PartnerEntity, { order: { id: 'ASC' } });
    expect(rows[0]!.name).toBe(rows[1]!.name);
  });
});

describe.each(ENGINES)('X1: reads see committed rows only [%s]', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  });
  afterAll(() => db.close());

  it('X1: a read while another request holds an open write transaction sees neither its rows nor waits for it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    const writer = db.transaction(async (m) => {
      await m.insert(PartnerEntity, { id: 'uncommitted', name: 'x', createdAt: new Date() });
      inserted();
      await held;
    });
    await didInsert;
    const started = performance.now();
    const seen = await db.manager.findOneBy(PartnerEntity, { id: 'uncommitted' });
    const readMs = performance.now() - started;
    release();
    await writer;
    expect(seen).toBeNull();
    expect(readMs).toBeLessThan(500);
    expect(await db.manager.findOneBy(PartnerEntity, { id: 'uncommitted' })).not.toBeNull();
  });
});
