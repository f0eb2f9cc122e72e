import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from './activity-entry.entity.js';

const NOVEMBER = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const csvPath = (extra = '') => `/activity-log.csv?from=${NOVEMBER.from}&to=${NOVEMBER.to}${extra}`;

/** `count` entries of one partner, one minute apart from 2026-11-02T00:00Z, inserted directly. */
async function insertEntries(
  h: Harness,
  partnerId: string,
  count: number,
  over: Partial<ActivityEntryEntity> = {},
) {
  const start = Date.parse('2026-11-02T00:00:00.000Z');
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
      id: randomUUID(),
      partnerId,
      customerId: null,
      userId: null,
      userEmail: 'agent@example.test',
      remoteAddress: '203.0.113.7',
      userAgent: 'Mozilla/5.0 '.repeat(24),
      operation: 'download_software' as const,
      resource: `download-link:${i + j}`,
      productName: 'Windows Server 2022 Datacenter',
      outcome: 'SUCCEEDED' as const,
      failureCode: null,
      detail: 'issued by admin@example.test; 2022 · en-us · iso '.repeat(5),
      at: new Date(start + (i + j) * 60_000),
      count: 1,
      ...over,
    }));
    await h.db.transaction((m) => m.insert(ActivityEntryEntity, rows));
  }
}

/** How many pages of the activity log the server has read since `from` (query log lines). */
const pagesRead = (h: Harness, from: number) =>
  h.logLines
    .slice(from)
    .filter((l) => l.startsWith('query: ') && /activity_log/.test(l) && /ORDER BY/i.test(l)).length;

const settle = async (read: () => number) => {
  // Until the count has not moved for 300 ms.
  let last = -1;
  while (read() !== last) {
    last = read();
    await new Promise((r) => setTimeout(r, 300));
  }
  return last;
};

/** A raw GET (Node's http sends no Accept-Encoding unless `headers` has one, and never decodes). */
function open(
  h: Harness,
  token: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(
      `${h.url}${path}`,
      { headers: { authorization: `Bearer ${token}`, ...headers } },
      resolve,
    );
    req.on('error', reject);
  });
}

/** The body's bytes exactly as they came over the wire. */
async function bytesOf(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describeEachEngine('activity log CSV', (use) => {
  it('A4: the filter’s rows, newest first, times in the chosen zone with their offset, the zone in the header', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['REFERRAL_ADMIN']);
    const seoulCustomer = await createCustomer(h.db, partner.id, { name: '한빛 소프트' });
    await insertEntries(h, partner.id, 2, { customerId: seoulCustomer.id });
    const fetchCsv = (extra: string) =>
      fetch(`${h.url}${csvPath(extra)}`, { headers: { authorization: `Bearer ${viewer.token}` } });

    const seoul = await fetchCsv('&tz=Asia/Seoul');
    expect(seoul.status).toBe(200);
    expect(seoul.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await seoul.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, for Excel
    const rows = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(rows[0]).toBe(
      'time (Asia/Seoul),operation,outcome,failure_code,user,customer,product,resource,remote_address,user_agent,detail',
    );
    // 2026-11-02T00:01Z is 09:01 in Seoul; newest first.
    expect(rows[1]!.split(',').slice(0, 3)).toEqual([
      '2026-11-02T09:01:00.000+09:00',
      'download_software',
      'SUCCEEDED',
    ]);
    expect(rows[1]!.split(',')[5]).toBe('한빛 소프트');
    expect(rows[2]!.split(',')[0]).toBe('2026-11-02T09:00:00.000+09:00');
    expect(rows.slice(3)).toEqual(['']);

    // Without a zone: UTC, said as such, still with an offset.
    const utc = (await (await fetchCsv('')).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(utc[0]!.startsWith('time (UTC),')).toBe(true);
    expect(utc[1]!.split(',')[0]).toBe('2026-11-02T00:01:00.000+00:00');
    // New York on 2026-11-02 is on winter time, five hours behind.
    const ny = (await (await fetchCsv('&tz=America/New_York')).text()).split('\r\n');
    expect(ny[1]!.split(',')[0]).toBe('2026-11-01T19:01:00.000-05:00');

    // E1: in Korean (the portal's `?lang=`), the header is in words and still names the zone.
    const ko = (await (await fetchCsv('&tz=Asia/Seoul&lang=ko')).text()).replace(/^\uFEFF/, '');
    expect(ko.split('\r\n')[0]).toBe(
      '시각 (Asia/Seoul),작업,결과,실패 코드,사용자,고객,제품,리소스,원격 주소,사용자 에이전트,세부 정보',
    );
  });

  it('A4, E1: a support request’s detail names its problem type by label, in the CSV’s language', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['REFERRAL_ADMIN']);
    await insertEntries(h, partner.id, 1, {
      operation: 'create_support_request',
      resource: 'support-request:1',
      productName: null,
      detail: 'BILLING: Invoice question',
      detailCode: 'SUPPORT_REQUEST',
      detailParams: JSON.stringify({ problemType: 'BILLING', title: 'Invoice question' }),
    });
    const detailOf = async (extra: string) => {
      const response = await fetch(
        `${h.url}${csvPath(`&operationTypes=create_support_request${extra}`)}`,
        {
          headers: { authorization: `Bearer ${viewer.token}` },
        },
      );
      return (await response.text()).split('\r\n')[1]!.split(',').at(-1);
    };
    expect(await detailOf('')).toBe('Billing and invoices: Invoice question');
    expect(await detailOf('&lang=ko')).toBe('청구 및 청구서: Invoice question');
  });

  it('A4, E2: an unknown time zone is refused with a clear message before any row is sent', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    for (const tz of ['Mars/Olympus', '+09:00', 'x'.repeat(100)]) {
      const res = await fetch(`${h.url}${csvPath(`&tz=${encodeURIComponent(tz)}`)}`, {
        headers: { authorization: `Bearer ${viewer.token}` },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).not.toContain('text/csv');
      expect(await res.text()).toContain('Unknown time zone');
    }
  });

  it('A4, E1, E2: the time-zone refusal is a reason code on `tz`, worded in the language of Accept-Language', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const res = await fetch(`${h.url}${csvPath('&tz=Mars%2FOlympus')}`, {
      headers: { authorization: `Bearer ${viewer.token}`, 'accept-language': 'ko' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'tz',
      reasonCode: 'TIME_ZONE_UNKNOWN',
      message:
        '입력 값이 올바르지 않습니다: 알 수 없는 표준 시간대입니다. Asia/Seoul과 같은 IANA 이름을 사용하세요.',
    });
  });

  it('A4: a cell that a spreadsheet would run as a formula is prefixed with a quote', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const customer = await createCustomer(h.db, partner.id, {
      name: '=HYPERLINK("http://x.test")',
    });
    await insertEntries(h, partner.id, 1, {
      customerId: customer.id,
      userAgent: '+cmd|calc',
      productName: '@SUM(A1:A9)',
      detail: '-2+3',
      remoteAddress: '\t=1',
    });
    const text = await (
      await fetch(`${h.url}${csvPath()}`, { headers: { authorization: `Bearer ${viewer.token}` } })
    ).text();
    const row = text.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""http://x.test"")"`);
    expect(row).toContain(`,'@SUM(A1:A9),`);
    expect(row).toContain(`,'+cmd|calc,`);
    expect(row).toContain(`,'-2+3`);
    expect(row).toContain(`,'\t=1,`);
    expect(row).not.toMatch(/,[=+\-@]/);
  });

  it('A4: streamed with backpressure — a client that stops reading stops the reading of pages; resumed, it gets every row', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    // ~15,000 rows of ~700 bytes: about 10 MB, more than twice what the sockets’ buffers held here.
    const total = 15_000;
    await insertEntries(h, partner.id, total);
    const mark = h.logLines.length;
    const res = await open(h, viewer.token, csvPath());
    expect(res.statusCode).toBe(200);
    // Nobody reads the body: the server fills the buffers, then waits.
    const whilePaused = await settle(() => pagesRead(h, mark));
    expect(whilePaused).toBeGreaterThan(0);
    expect(whilePaused).toBeLessThan(total / 200);
    let lines = 0;
    res.setEncoding('utf8');
    for await (const chunk of res) lines += (chunk as string).split('\n').length - 1;
    expect(lines).toBe(total + 1);
    expect(pagesRead(h, mark)).toBe(total / 200);
  });

  it('A4: a client that disconnects mid-file stops the reading; the server logs no error', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    const total = 15_000;
    await insertEntries(h, partner.id, total);
    const mark = h.logLines.length;
    const res = await open(h, viewer.token, csvPath());
    await new Promise<void>((resolve) => res.once('data', () => resolve()));
    res.on('error', () => {}); // the reset that follows is the point
    res.destroy(); // the user closed the tab
    const read = await settle(() => pagesRead(h, mark));
    expect(read).toBeLessThan(total / 200);
    // The pipeline ended (the page reader was closed, not left waiting for a drain that never
    // comes), and as a normal event, not an error.
    const said = h.logLines.slice(mark).filter((l) => l.includes('activity CSV stopped'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('the client went away');
    expect(said[0]).not.toMatch(/"level":"error"/);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('issue 14: a CSV over 1 kB is gzipped for a client that accepts gzip and unpacks to the same CSV; without Accept-Encoding it is plain', async () => {
    const h = use();
    const { partner } = await createTenant(h.db);
    const viewer = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    await insertEntries(h, partner.id, 20); // ≈ 14 kB of CSV

    // A script that sends no Accept-Encoding: the CSV as is, with Vary for caches.
    const bare = await open(h, viewer.token, csvPath());
    expect(bare.statusCode).toBe(200);
    expect(bare.headers['content-encoding']).toBeUndefined();
    expect(bare.headers['vary']).toMatch(/Accept-Encoding/i);
    const csv = await bytesOf(bare);
    expect(csv.length).toBeGreaterThan(10 * 1024);
    const text = csv.toString('utf8').replace(/^\uFEFF/, '');
    expect(text.split('\r\n')).toHaveLength(20 + 2); // the header, 20 rows, the final newline
    expect(text.startsWith('time (UTC),operation,')).toBe(true);

    const gzipped = await open(h, viewer.token, csvPath(), { 'accept-encoding': 'gzip' });
    expect(gzipped.statusCode).toBe(200);
    expect(gzipped.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['vary']).toMatch(/Accept-Encoding/i);
    const packed = await bytesOf(gzipped);
    expect(packed.length).toBeLessThan(csv.length / 4); // the rows repeat a lot
    expect(gunzipSync(packed).equals(csv)).toBe(true); // byte for byte, the BOM included

    // A client that refuses every encoding gets the CSV plain too.
    const identity = await open(h, viewer.token, csvPath(), { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect((await bytesOf(identity)).equals(csv)).toBe(true);
  });
});
