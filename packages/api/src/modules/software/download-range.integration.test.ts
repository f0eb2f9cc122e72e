import { LINK_MAX_DOWNLOADS, REFUSED_DOWNLOAD_LOG_INTERVAL_MS } from '@csp/domain';
import { expect, it } from 'vitest';
import { issueLink, placeOrder } from '../../test-support/actions.js';
import { gql } from '../../test-support/client.js';
import { createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from '../activity/activity-entry.entity.js';
import { DownloadLinkEntity } from './download-link.entity.js';

async function newLink(h: Harness) {
  const tenant = await createTenant(h.db);
  const order = await placeOrder(h.url, tenant.admin.token, tenant.customer.id);
  const link = await issueLink(h.url, tenant.admin.token, order.lines[0]!.id);
  return { ...tenant, link, url: `${h.url}/downloads/${link.token}` };
}

const used = async (h: Harness, id: string) =>
  (await h.db.manager.findOneByOrFail(DownloadLinkEntity, { id })).downloadsUsed;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describeEachEngine('download ranges and refusals', (use) => {
  it('D9: a GET from byte 0 counts with or without Range; a Range past byte 0 is 206 and free; HEAD never counts; 416 when unsatisfiable', async () => {
    const h = use();
    const { link, url } = await newLink(h);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    const size = Number(head.headers.get('content-length'));
    expect(size).toBeGreaterThan(20);
    expect(await used(h, link.id)).toBe(0);

    const whole = await get(url);
    expect(whole.response.status).toBe(200);
    expect(whole.body.length).toBe(size);
    expect(await used(h, link.id)).toBe(1);

    const first = await get(url, { range: 'bytes=0-9' });
    expect(first.response.status).toBe(206);
    expect(first.response.headers.get('content-range')).toBe(`bytes 0-9/${size}`);
    expect(first.response.headers.get('content-length')).toBe('10');
    expect(first.body).toEqual(whole.body.subarray(0, 10));
    expect(await used(h, link.id)).toBe(2);

    const rest = await get(url, { range: 'bytes=10-' });
    expect(rest.response.status).toBe(206);
    expect(rest.response.headers.get('content-range')).toBe(`bytes 10-${size - 1}/${size}`);
    expect(Buffer.concat([first.body, rest.body])).toEqual(whole.body);
    const tail = await get(url, { range: 'bytes=-5' });
    expect(tail.response.status).toBe(206);
    expect(tail.body).toEqual(whole.body.subarray(size - 5));
    expect(await fetch(url, { method: 'HEAD', headers: { range: 'bytes=0-' } })).toMatchObject({
      status: 200,
    });
    expect(await used(h, link.id)).toBe(2);

    const beyond = await get(url, { range: `bytes=${size}-` });
    expect(beyond.response.status).toBe(416);
    expect(beyond.response.headers.get('content-range')).toBe(`bytes */${size}`);
    expect(await used(h, link.id)).toBe(2);
    // Two downloads, two log entries: continuations are not downloads.
    expect(
      await h.db.manager.countBy(ActivityEntryEntity, {
        resource: `download-link:${link.id}`,
        operation: 'download_software',
      }),
    ).toBe(2);
  });

  it('D9: the 50th download can still be resumed, but not restarted; a revoked or expired link resumes nothing', async () => {
    const h = use();
    const { link, url } = await newLink(h);
    await h.db.transaction((m) =>
      m.update(DownloadLinkEntity, { id: link.id }, { downloadsUsed: LINK_MAX_DOWNLOADS - 1 }),
    );
    expect((await get(url, { range: 'bytes=0-99' })).response.status).toBe(206);
    expect(await used(h, link.id)).toBe(LINK_MAX_DOWNLOADS);
    expect((await get(url)).response.status).toBe(410);
    expect((await get(url, { range: 'bytes=0-' })).response.status).toBe(410);
    expect((await get(url, { range: 'bytes=5-' })).response.status).toBe(206);
    expect(await used(h, link.id)).toBe(LINK_MAX_DOWNLOADS);

    h.clock.advance(15 * 24 * 3_600_000);
    try {
      expect((await get(url, { range: 'bytes=5-' })).response.status).toBe(410);
    } finally {
      h.clock.advance(-15 * 24 * 3_600_000);
    }
  });

  it('E6: 300 GETs of a used-up link write one FAILED entry with count 300; real events stay on the first page', async () => {
    const h = use();
    const { link, url, partner, customer } = await newLink(h);
    await h.db.transaction((m) =>
      m.update(DownloadLinkEntity, { id: link.id }, { downloadsUsed: LINK_MAX_DOWNLOADS }),
    );
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = await Promise.all(
        Array.from({ length: 30 }, () => get(url).then((r) => r.response.status)),
      );
      statuses.push(...batch);
    }
    expect(statuses.filter((s) => s === 410)).toHaveLength(300);

    const failed = await h.db.manager.findBy(ActivityEntryEntity, {
      resource: `download-link:${link.id}`,
      outcome: 'FAILED',
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      count: 300,
      failureCode: 'LINK_EXHAUSTED',
      customerId: customer.id,
    });

    // The partner's log: the refusals are one line, the link's issue is still on the first page.
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const page = await gql<{
      activityLog: {
        edges: { node: { operation: string; outcome: string; detail: string | null } }[];
      };
    }>(
      h.url,
      `query ($from: DateTimeISO!, $to: DateTimeISO!) {
        activityLog(from: $from, to: $to, operationTypes: [download_software, get_software_download_link, create_order], first: 10) {
          edges { node { operation outcome detail } }
        }
      }`,
      {
        from: new Date(h.clock.now().getTime() - 3_600_000).toISOString(),
        to: new Date(h.clock.now().getTime() + 3_600_000).toISOString(),
      },
      { token: viewer.token },
    );
    const nodes = page.data!.activityLog.edges.map((e) => e.node);
    expect(nodes.filter((n) => n.outcome === 'FAILED')).toHaveLength(1);
    expect(nodes.find((n) => n.outcome === 'FAILED')!.detail).toContain('×300');
    expect(nodes.map((n) => n.operation)).toEqual(
      expect.arrayContaining(['get_software_download_link', 'create_order']),
    );

    // The next hour starts a new entry.
    h.clock.advance(REFUSED_DOWNLOAD_LOG_INTERVAL_MS);
    try {
      expect((await get(url)).response.status).toBe(410);
      const counts = (
        await h.db.manager.findBy(ActivityEntryEntity, {
          resource: `download-link:${link.id}`,
          outcome: 'FAILED',
        })
      )
        .map((e) => e.count)
        .sort((a, b) => a - b);
      expect(counts).toEqual([1, 300]);
    } finally {
      h.clock.advance(-REFUSED_DOWNLOAD_LOG_INTERVAL_MS);
    }
  });
});
