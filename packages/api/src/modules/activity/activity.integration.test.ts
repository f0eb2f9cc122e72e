import { ACTIVITY_MAX_RANGE_DAYS } from '@csp/domain';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../schema-file.js';
import { download, issueLink, placeOrder } from '../../test-support/actions.js';
import { errorCode, expectRefusal, gql } from '../../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';

const LOG = /* GraphQL */ `
  query Log(
    $from: DateTimeISO!
    $to: DateTimeISO!
    $operationTypes: [OperationType!]
    $customerId: ID
    $first: Int
    $after: String
  ) {
    activityLog(
      from: $from
      to: $to
      operationTypes: $operationTypes
      customerId: $customerId
      first: $first
      after: $after
    ) {
      csvUrl
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          operation
          outcome
          userEmail
          remoteAddress
          productName
          customer {
            id
            name
          }
        }
      }
    }
  }
`;
type Log = {
  activityLog: {
    csvUrl: string;
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        at: string;
        operation: string;
        outcome: string;
        userEmail: string | null;
        customer: { id: string } | null;
      };
    }[];
  };
};

/** A partner with activity: an order, a key reveal + link, and a download, at known instants. */
async function partnerWithActivity(h: Harness) {
  const { partner, admin, customer } = await createTenant(h.db);
  const other = await createCustomer(h.db, partner.id);
  h.clock.set('2026-11-10T10:00:00.000Z');
  const order = await placeOrder(h.url, admin.token, customer.id, [
    { skuId: 'sql-server-2022-standard:1y', quantity: 1 },
  ]);
  h.clock.set('2026-11-11T10:00:00.000Z');
  const link = await issueLink(h.url, admin.token, order.lines[0]!.id);
  h.clock.set('2026-11-12T10:00:00.000Z');
  await download(h.url, link.token);
  h.clock.set('2026-11-13T10:00:00.000Z');
  await placeOrder(h.url, admin.token, other.id, [
    { skuId: 'office-ltsc-professional-plus-2024:perpetual', quantity: 1 },
  ]);
  const viewer = await createUser(h.db, partner.id, ['REFERRAL_ADMIN']);
  return { partner, admin, customer, other, viewer };
}

const NOVEMBER = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

describeEachEngine('activity log', (use) => {
  it('R4: a Referral admin sees the log; a Helpdesk agent and an Admin agent are refused with the roles that can', async () => {
    const h = use();
    const { partner, viewer } = await partnerWithActivity(h);
    const ok = await gql<Log>(h.url, LOG, NOVEMBER, { token: viewer.token });
    expect(ok.errors).toBeUndefined();
    for (const role of ['HELPDESK_AGENT', 'ADMIN_AGENT'] as const) {
      const user = await createUser(h.db, partner.id, [role]);
      const refused = await gql(h.url, LOG, NOVEMBER, { token: user.token });
      expect(errorCode(refused)).toBe('FORBIDDEN_ROLE');
      expect(refused.errors![0]!.extensions!['missingRoles']).toEqual([
        'Global admin',
        'Account admin',
        'Referral admin',
        'Marketing content admin',
      ]);
    }
  });

  it('A1/A2: records each operation with user, customer, instant and outcome; filters by operation and customer', async () => {
    const h = use();
    const { customer, other, viewer, admin } = await partnerWithActivity(h);
    const all = (
      await gql<Log>(h.url, LOG, NOVEMBER, { token: viewer.token })
    ).data!.activityLog.edges.map((e) => e.node);
    // Newest first; the key reveal and the link issue share an instant (one request).
    expect(all.map((n) => n.at)).toEqual([
      '2026-11-13T10:00:00.000Z',
      '2026-11-12T10:00:00.000Z',
      '2026-11-11T10:00:00.000Z',
      '2026-11-11T10:00:00.000Z',
      '2026-11-10T10:00:00.000Z',
    ]);
    expect([all[0]!.operation, all[1]!.operation, all[4]!.operation]).toEqual([
      'create_order',
      'download_software',
      'create_order',
    ]);
    expect(
      all
        .slice(2, 4)
        .map((n) => n.operation)
        .sort(),
    ).toEqual(['get_software_download_link', 'get_software_key']);
    expect(all.find((n) => n.operation === 'get_software_key')).toMatchObject({
      userEmail: admin.user.email,
      outcome: 'SUCCEEDED',
      customer: { id: customer.id },
    });
    expect(all.find((n) => n.operation === 'download_software')).toMatchObject({
      userEmail: null,
      remoteAddress: '127.0.0.1',
    });

    const keysAndDownloads = await gql<Log>(
      h.url,
      LOG,
      {
        ...NOVEMBER,
        operationTypes: ['get_software_key', 'get_software_download_link', 'download_software'],
      },
      { token: viewer.token },
    );
    expect(keysAndDownloads.data!.activityLog.edges.map((e) => e.node.operation).sort()).toEqual([
      'download_software',
      'get_software_download_link',
      'get_software_key',
    ]);
    const ofOther = await gql<Log>(
      h.url,
      LOG,
      { ...NOVEMBER, customerId: other.id },
      { token: viewer.token },
    );
    expect(ofOther.data!.activityLog.edges.map((e) => e.node.operation)).toEqual(['create_order']);
    expect(ofOther.data!.activityLog.totalCount).toBe(1);
    expect(keysAndDownloads.data!.activityLog.totalCount).toBe(3);
  });

  it('A2, E1, E2: a reversed or too long range is refused on `to` with a reason code; the limit is the domain’s', async () => {
    const h = use();
    const { viewer } = await partnerWithActivity(h);
    const reversed = await gql(
      h.url,
      LOG,
      { from: '2026-11-12T00:00:00Z', to: '2026-11-11T00:00:00Z' },
      { token: viewer.token, language: 'ko' },
    );
    expectRefusal(reversed, '입력 값이 올바르지 않습니다: 종료일은 시작일 이후여야 합니다.', {
      field: 'to',
      reasonCode: 'DATE_RANGE_ORDER',
    });
    const tooLong = await gql(
      h.url,
      LOG,
      {
        from: '2020-01-01T00:00:00Z',
        to: new Date(Date.UTC(2020, 0, 2 + ACTIVITY_MAX_RANGE_DAYS)).toISOString(),
      },
      { token: viewer.token },
    );
    expectRefusal(
      tooLong,
      `Some of the input is not valid: Choose a range of at most ${ACTIVITY_MAX_RANGE_DAYS.toLocaleString('en-US')} days.`,
      { field: 'to', reasonCode: 'DATE_RANGE_TOO_LONG', maxDays: ACTIVITY_MAX_RANGE_DAYS },
    );
  });

  it('A2: from is inclusive and to exclusive, to the millisecond', async () => {
    const h = use();
    const { viewer } = await partnerWithActivity(h);
    const count = async (from: string, to: string) => {
      const log = (await gql<Log>(h.url, LOG, { from, to }, { token: viewer.token })).data!
        .activityLog;
      expect(log.totalCount).toBe(log.edges.length); // the count applies the same bounds
      return log.edges.length;
    };
    expect(await count('2026-11-12T10:00:00.000Z', '2026-11-13T10:00:00.000Z')).toBe(1);
    expect(await count('2026-11-12T10:00:00.001Z', '2026-11-13T10:00:00.001Z')).toBe(1); // the 13th's order
    expect(await count('2026-11-12T10:00:00.000Z', '2026-11-12T10:00:00.001Z')).toBe(1);
    expect(
      errorCode(
        await gql(
          h.url,
          LOG,
          { from: '2026-11-12T00:00:00Z', to: '2026-11-11T00:00:00Z' },
          { token: viewer.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('A4: pages with a cursor and exports the current filter as CSV', async () => {
    const h = use();
    const { viewer } = await partnerWithActivity(h);
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Log = (
        await gql<Log>(h.url, LOG, { ...NOVEMBER, first: 2, after }, { token: viewer.token })
      ).data!;
      ids.push(...page.activityLog.edges.map((e) => e.node.id));
      // The total is the filter's, on every page, not the page's.
      expect(page.activityLog.totalCount).toBe(5);
      if (!page.activityLog.pageInfo.hasNextPage) break;
      after = page.activityLog.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);

    // The default view (three operations, merged per operation) pages the same way (A2, A4).
    const defaults = ['get_software_key', 'get_software_download_link', 'download_software'];
    const seen: string[] = [];
    let next: string | null = null;
    for (;;) {
      const page: Log = (
        await gql<Log>(
          h.url,
          LOG,
          { ...NOVEMBER, operationTypes: defaults, first: 1, after: next },
          { token: viewer.token },
        )
      ).data!;
      seen.push(...page.activityLog.edges.map((e) => e.node.operation));
      if (!page.activityLog.pageInfo.hasNextPage) break;
      next = page.activityLog.pageInfo.endCursor;
    }
    expect(seen[0]).toBe('download_software');
    expect(seen).toHaveLength(3);
    expect([...seen].sort()).toEqual([...defaults].sort());

    const first = (
      await gql<Log>(
        h.url,
        LOG,
        { ...NOVEMBER, operationTypes: ['create_order'] },
        { token: viewer.token },
      )
    ).data!.activityLog;
    expect(first.totalCount).toBe(2);
    const csv = await fetch(`${h.url}${first.csvUrl}`, {
      headers: { authorization: `Bearer ${viewer.token}` },
    });
    expect(csv.status).toBe(200);
    const rows = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'time (UTC),operation,outcome,failure_code,user,customer,product,resource,remote_address,user_agent,detail',
    );
    expect(rows.slice(1).map((r) => r.split(',')[1])).toEqual(['create_order', 'create_order']);
  });

  it('A3/R8: own partner only — another partner sees none of it, in the API or the CSV', async () => {
    const h = use();
    await partnerWithActivity(h);
    const b = await createTenant(h.db);
    const bViewer = await createUser(h.db, b.partner.id, ['GLOBAL_ADMIN']);
    const log = await gql<Log>(h.url, LOG, NOVEMBER, { token: bViewer.token });
    expect(log.data!.activityLog.edges).toEqual([]);
    const csv = await fetch(`${h.url}${log.data!.activityLog.csvUrl}`, {
      headers: { authorization: `Bearer ${bViewer.token}` },
    });
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(1);
    const helpdesk = await createUser(h.db, b.partner.id, ['HELPDESK_AGENT']);
    expect(
      (
        await fetch(`${h.url}${log.data!.activityLog.csvUrl}`, {
          headers: { authorization: `Bearer ${helpdesk.token}` },
        })
      ).status,
    ).toBe(403);
  });

  it('A3: no operation of the API edits or deletes an activity entry', () => {
    const schema = readFileSync(SCHEMA_FILE, 'utf8');
    const mutation = /type Mutation \{([\s\S]*?)\n\}/.exec(schema)![1]!;
    const names = [...mutation.matchAll(/^\s{2}(\w+)\(/gm)].map((m) => m[1]);
    expect(names.filter((n) => /activity|log(?!in)|audit/i.test(n!))).toEqual([]);
  });
});
