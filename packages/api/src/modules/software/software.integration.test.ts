import { DAY_MS } from '@csp/domain';
import { expect, it } from 'vitest';
import { placeOrder } from '../../test-support/actions.js';
import { errorCode, expectRefusal, gql } from '../../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from '../activity/activity-entry.entity.js';
import { OrderLineEntity } from '../orders/order-line.entity.js';
import { ActivationKeyEntity } from './activation-key.entity.js';
import { DownloadLinkEntity } from './download-link.entity.js';

const GET = /* GraphQL */ `
  mutation Get($input: GetKeysAndDownloadsInput!) {
    getKeysAndDownloads(input: $input) {
      activationKey
      line {
        id
        status
      }
      link {
        id
        url
        fileName
        expiresAt
        downloadsUsed
        downloadsLeft
        maxDownloads
        state
        version
        language
        fileType
      }
    }
  }
`;
type Got = {
  getKeysAndDownloads: {
    activationKey: string | null;
    link: {
      id: string;
      url: string;
      fileName: string;
      expiresAt: string;
      downloadsLeft: number;
      state: string;
    } | null;
  };
};
const SOFTWARE = /* GraphQL */ `
  query Software($id: ID!) {
    customer(id: $id) {
      software {
        id
        status
        purchasedAt
        orderId
        hasActivationKeys
        cancellableUntil
        product {
          id
          name
          kind
        }
        downloadOptions {
          versions
          languages
          fileTypes
        }
        links {
          id
          downloadsUsed
          downloadsLeft
          expiresAt
          state
          issuedBy {
            email
          }
        }
      }
    }
  }
`;
const CHOICE = { version: '2022', language: 'Korean', fileType: 'ISO (x64)' };

async function buy(
  h: Harness,
  token: string,
  customerId: string,
  skuId = 'windows-server-2022-datacenter:1y',
) {
  const order = await placeOrder(h.url, token, customerId, [{ skuId, quantity: 1 }]);
  return { orderId: order.id, lineId: order.lines[0]!.id };
}

const tokenOf = (url: string) => url.split('/downloads/')[1]!;

describeEachEngine('software, keys and download links', (use) => {
  it('D1: the Software list shows every line with product, order, status, window and download options', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db, 'US');
    const first = await buy(h, admin.token, customer.id);
    const second = await buy(h, admin.token, customer.id, 'azure-reserved-vm-d2s-v5:3y');
    await h.db.transaction((m) =>
      m.update(
        OrderLineEntity,
        { id: first.lineId },
        { status: 'CANCELLED', quantity: 0, cancelledAt: h.clock.now() },
      ),
    );
    const software = (
      await gql<{
        customer: {
          software: {
            id: string;
            status: string;
            orderId: string;
            hasActivationKeys: boolean;
            product: { id: string };
            downloadOptions: { versions: string[] };
          }[];
        };
      }>(h.url, SOFTWARE, { id: customer.id }, { token: admin.token })
    ).data!.customer.software;
    expect(software.map((s) => [s.id, s.orderId, s.status])).toEqual(
      expect.arrayContaining([
        [first.lineId, first.orderId, 'CANCELLED'],
        [second.lineId, second.orderId, 'ACTIVE'],
      ]),
    );
    const windowsServer = software.find((s) => s.id === first.lineId)!;
    expect(windowsServer.downloadOptions.versions).toEqual(['2022', '2019']);
    expect(windowsServer.hasActivationKeys).toBe(true);
  });

  it('D2/D6: an Admin agent gets the activation key and a fresh link; the key is stored encrypted', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    expect(got.activationKey).toMatch(
      /^([BCDFGHJKMPQRTVWXY2346789]{5}-){4}[BCDFGHJKMPQRTVWXY2346789]{5}$/,
    );
    expect(got.link).toMatchObject({
      downloadsLeft: 50,
      state: 'ACTIVE',
      fileName: 'Windows-Server-2022-Datacenter_2022_Korean_ISO-x64.iso',
    });
    expect(new Date(got.link!.expiresAt).getTime() - h.clock.now().getTime()).toBe(14 * DAY_MS);
    const stored = await h.db.manager.findOneByOrFail(ActivationKeyEntity, { orderLineId: lineId });
    expect(stored.ciphertext).not.toContain(got.activationKey!);
    expect(stored.ciphertext.startsWith('v1.')).toBe(true);

    // D4: again → the same key, a new link with its own limits.
    const again = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    expect(again.activationKey).toBe(got.activationKey);
    expect(again.link!.id).not.toBe(got.link!.id);
  });

  it('D5: tokens carry 256 random bits and only their SHA-256 is stored; lists never show a token or key', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    const token = tokenOf(got.link!.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    const row = await h.db.manager.findOneByOrFail(DownloadLinkEntity, { id: got.link!.id });
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = JSON.stringify(
      await gql(h.url, SOFTWARE, { id: customer.id }, { token: admin.token }),
    );
    expect(listed).not.toContain(token);
    expect(listed).not.toContain(got.activationKey!);
    // The server log, which records every SQL statement with its parameters, never holds either.
    const log = h.logLines.join('\n');
    expect(log).not.toContain(token);
    expect(log).not.toContain(got.activationKey!);
  });

  it('R3/R9: a Sales agent and a Global admin cannot reveal keys, told that Admin agent is needed; refusals are logged', async () => {
    const h = use();
    const { partner, admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    for (const role of ['SALES_AGENT', 'GLOBAL_ADMIN'] as const) {
      const user = await createUser(h.db, partner.id, [role]);
      const response = await gql(
        h.url,
        GET,
        { input: { lineId, ...CHOICE } },
        { token: user.token },
      );
      expect(errorCode(response)).toBe('FORBIDDEN_ROLE');
      expect(response.errors![0]!.extensions!['missingRoles']).toEqual(['Admin agent']);
    }
    const failed = await h.db.manager.findBy(ActivityEntryEntity, {
      partnerId: partner.id,
      outcome: 'FAILED',
    });
    expect(failed.map((f) => f.failureCode)).toEqual(['FORBIDDEN_ROLE', 'FORBIDDEN_ROLE']);
    expect(await h.db.manager.countBy(DownloadLinkEntity, { orderLineId: lineId })).toBe(0);
  });

  it('D2/E2: an option the SKU does not offer, or half a choice, is refused and issues nothing', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const wrong = await gql(
      h.url,
      GET,
      { input: { lineId, ...CHOICE, version: '2008' } },
      { token: admin.token },
    );
    expect(errorCode(wrong)).toBe('OPTION_UNAVAILABLE');
    const half = await gql(
      h.url,
      GET,
      { input: { lineId, version: '2022' } },
      { token: admin.token },
    );
    expectRefusal(
      half,
      'Some of the input is not valid: Pick a version, a language and a file type.',
      {
        field: 'fileType',
        reasonCode: 'DOWNLOAD_CHOICE_INCOMPLETE',
      },
    );
    const reservation = await buy(h, admin.token, customer.id, 'azure-reserved-vm-d2s-v5:1y');
    expect(
      errorCode(
        await gql(h.url, GET, { input: { lineId: reservation.lineId } }, { token: admin.token }),
      ),
    ).toBe('OPTION_UNAVAILABLE');
    expect(await h.db.manager.countBy(DownloadLinkEntity, { customerId: customer.id })).toBe(0);
  });

  it('D3/D7: a download streams the file, counts once, and is logged with the address and the issuer; HEAD does not count', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    const url = `${h.url}/downloads/${tokenOf(got.link!.url)}`;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const response = await fetch(url, { headers: { 'user-agent': 'integration-test' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      'filename="Windows-Server-2022-Datacenter_2022_Korean_ISO-x64.iso"',
    );
    const body = await response.text();
    expect(body).toContain('Windows Server 2022 Datacenter\n2022 · Korean · ISO (x64)');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    const link = await h.db.manager.findOneByOrFail(DownloadLinkEntity, { id: got.link!.id });
    expect(link.downloadsUsed).toBe(1);
    const logged = await h.db.manager.findOneByOrFail(ActivityEntryEntity, {
      resource: `download-link:${link.id}`,
      operation: 'download_software',
    });
    expect(logged).toMatchObject({
      outcome: 'SUCCEEDED',
      remoteAddress: '127.0.0.1',
      userAgent: 'integration-test',
      userId: null,
    });
    expect(logged.detail).toContain(`issued by ${admin.user.email}`);
  });

  it('D3: the link works until 14 days minus 1 ms and answers 410 at exactly 14 days; a new link then works (D4)', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const issuedAt = h.clock.now();
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    const url = `${h.url}/downloads/${tokenOf(got.link!.url)}`;
    h.clock.set(new Date(issuedAt.getTime() + 14 * DAY_MS - 1));
    expect((await fetch(url)).status).toBe(200);
    h.clock.set(new Date(issuedAt.getTime() + 14 * DAY_MS));
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain('This download link no longer works');
    expect(page).toContain('expired');
    expect(page).toContain('Ask the partner who sent it for a new link');
    const korean = await fetch(url, { headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' } });
    expect(await korean.text()).toContain('파트너에게 새 링크를 요청하세요');
    h.clock.set(new Date(issuedAt.getTime() + 14 * DAY_MS + 1));
    const fresh = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    expect((await fetch(`${h.url}/downloads/${tokenOf(fresh.link!.url)}`)).status).toBe(200);
  });

  it('D3: 200 concurrent downloads of a fresh link: exactly 50 answer 200, the other 150 answer 410', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    const url = `${h.url}/downloads/${tokenOf(got.link!.url)}`;
    const statuses = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const response = await fetch(url);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 410)).toHaveLength(150);
    expect(
      (await h.db.manager.findOneByOrFail(DownloadLinkEntity, { id: got.link!.id })).downloadsUsed,
    ).toBe(50);
    const exhausted = await fetch(url);
    expect(await exhausted.text()).toContain('has been used 50 times');
  });

  it('D3/R8: an unknown token answers 404, the same for any token', async () => {
    const h = use();
    const a = await fetch(`${h.url}/downloads/${'A'.repeat(43)}`);
    const b = await fetch(`${h.url}/downloads/short`);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(await a.text()).toBe(await b.text());
  });

  it('D8: a cancelled line shows no key and issues no link', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    await h.db.transaction((m) =>
      m.update(
        OrderLineEntity,
        { id: lineId },
        { status: 'CANCELLED', quantity: 0, cancelledAt: h.clock.now() },
      ),
    );
    const response = await gql(
      h.url,
      GET,
      { input: { lineId, ...CHOICE } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe('ALREADY_CANCELLED');
    expect(response.data).toBeNull();
  });

  it('R8: partner B cannot list, reveal or download partner A’s software', async () => {
    const h = use();
    const a = await createTenant(h.db);
    const b = await createTenant(h.db);
    const { lineId } = await buy(h, a.admin.token, a.customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: a.admin.token })
    ).data!.getKeysAndDownloads;
    expect(
      errorCode(await gql(h.url, SOFTWARE, { id: a.customer.id }, { token: b.admin.token })),
    ).toBe('NOT_FOUND');
    const reveal = await gql(
      h.url,
      GET,
      { input: { lineId, ...CHOICE } },
      { token: b.admin.token },
    );
    const missing = await gql(
      h.url,
      GET,
      { input: { lineId: crypto.randomUUID(), ...CHOICE } },
      { token: b.admin.token },
    );
    expect(errorCode(reveal)).toBe('NOT_FOUND');
    expect(reveal.errors).toEqual(missing.errors);
    expect(JSON.stringify(reveal)).not.toContain(got.activationKey!);
    const own = await createCustomer(h.db, b.partner.id);
    const ownSoftware = await gql<{ customer: { software: unknown[] } }>(
      h.url,
      SOFTWARE,
      { id: own.id },
      { token: b.admin.token },
    );
    expect(ownSoftware.data!.customer.software).toEqual([]);
  });

  it('D4: the Software list shows each live link with downloads used and time left', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const { lineId } = await buy(h, admin.token, customer.id);
    const got = (
      await gql<Got>(h.url, GET, { input: { lineId, ...CHOICE } }, { token: admin.token })
    ).data!.getKeysAndDownloads;
    for (let i = 0; i < 3; i++)
      await (await fetch(`${h.url}/downloads/${tokenOf(got.link!.url)}`)).arrayBuffer();
    const software = (
      await gql<{
        customer: {
          software: {
            id: string;
            links: {
              id: string;
              downloadsUsed: number;
              downloadsLeft: number;
              issuedBy: { email: string };
            }[];
          }[];
        };
      }>(h.url, SOFTWARE, { id: customer.id }, { token: admin.token })
    ).data!.customer.software;
    expect(software.find((s) => s.id === lineId)!.links).toEqual([
      expect.objectContaining({
        id: got.link!.id,
        downloadsUsed: 3,
        downloadsLeft: 47,
        issuedBy: { email: admin.user.email },
      }),
    ]);
  });
});
