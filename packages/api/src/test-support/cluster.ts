import { existsSync, readFileSync } from 'node:fs';

/** The cluster and race suites: a caller that tallies every answer, and storage checks. */

export const SKU = 'windows-server-2022-datacenter:1y';
export const PRODUCT = 'windows-server-2022-datacenter';
export const CHOICE = { version: '2022', language: 'English', fileType: 'ISO (x64)' };
export const ADMIN = 'admin.agent@contoso.example';
export const DEMO_PASSWORD = 'demo-password-2026';

export interface Answer<T> {
  status: number;
  data: T | null;
  /** The GraphQL error code, or for a non-GraphQL answer `HTTP_<status>`. */
  code: string | null;
  message: string | null;
  servedBy: string | null;
  ms: number;
}

/** fetch's "fetch failed" says why only in its cause. */
const describe = (error: unknown) =>
  `${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`.trim();

type Query = <T>(sql: string, params?: unknown[]) => Promise<T>;

/**
 * Calls the API over HTTP and counts what came back: codes, statuses and which process served
 * (HAProxy's `X-Served-By`). Never throws: a refused connection is `code: 'NETWORK'`.
 */
export class Caller {
  readonly codes = new Map<string, number>();
  readonly statuses = new Map<number, number>();
  readonly servedBy = new Map<string, number>();
  /** Every INTERNAL answer, 5xx and dropped connection, with the operation that got it. */
  readonly failures: string[] = [];

  constructor(
    public url: string,
    public token = '',
    /** 5xx answers with this code are expected (a node is down on purpose). */
    private readonly allowed5xx: string[] = [],
  ) {}

  private tally(operation: string, answer: Answer<unknown>): void {
    const code = answer.code ?? 'OK';
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.servedBy)
      this.servedBy.set(answer.servedBy, (this.servedBy.get(answer.servedBy) ?? 0) + 1);
    const bad5xx = answer.status >= 500 && !this.allowed5xx.includes(code);
    // A dropped connection is as bad as a 5xx: the caller cannot tell what happened.
    if (code === 'INTERNAL' || code === 'NETWORK' || bad5xx)
      this.failures.push(`${operation}: ${answer.status} ${code} ${answer.message ?? ''}`.trim());
  }

  async graphql<T>(
    operation: string,
    query: string,
    variables: Record<string, unknown> = {},
    url = this.url,
  ): Promise<Answer<T>> {
    const started = performance.now();
    let answer: Answer<T>;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: {
        data?: T;
        code?: string;
        errors?: { message: string; extensions?: { code?: string } }[];
      } = {};
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = { code: `HTTP_${response.status}` };
      }
      answer = {
        status: response.status,
        data: body.data ?? null,
        code: body.errors?.[0]?.extensions?.code ?? body.code ?? null,
        message: body.errors?.[0]?.message ?? null,
        servedBy: response.headers.get('x-served-by'),
        ms: performance.now() - started,
      };
    } catch (error) {
      answer = {
        status: 0,
        data: null,
        code: 'NETWORK',
        message: describe(error),
        servedBy: null,
        ms: performance.now() - started,
      };
    }
    this.tally(operation, answer);
    return answer;
  }

  async signIn(email = ADMIN, password = DEMO_PASSWORD): Promise<void> {
    const answer = await this.graphql<{ signIn: { token: string } }>(
      'signIn',
      'mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p, issueToken: true}) { token } }',
      { e: email, p: password },
    );
    if (!answer.data) throw new Error(`signIn failed: ${answer.code} ${answer.message}`);
    this.token = answer.data.signIn.token;
  }

  async customerId(name: string): Promise<string> {
    const answer = await this.graphql<{ customers: { edges: { node: { id: string } }[] } }>(
      'customers',
      'query($s: String) { customers(search: $s) { edges { node { id } } } }',
      { s: name },
    );
    const id = answer.data?.customers.edges[0]?.node.id;
    if (!id) throw new Error(`customer ${name} not found: ${answer.code}`);
    return id;
  }

  placeOrder(customerId: string, idempotencyKey: string = crypto.randomUUID(), url = this.url) {
    return this.graphql<{ placeOrder: { id: string; lines: { id: string }[] } }>(
      'placeOrder',
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id lines { id } } }',
      { i: { customerId, idempotencyKey, lines: [{ skuId: SKU, quantity: 1 }] } },
      url,
    );
  }

  cancel(customerId: string, orderId: string, url = this.url) {
    return this.graphql<{ cancelPurchase: { order: { id: string } } }>(
      'cancelPurchase',
      'mutation($i: CancelPurchaseInput!) { cancelPurchase(input: $i) { order { id } } }',
      { i: { customerId, orderId, productId: PRODUCT, acknowledged: true } },
      url,
    );
  }

  keysAndLink(lineId: string, url = this.url) {
    return this.graphql<{
      getKeysAndDownloads: { activationKey: string | null; link: { id: string; url: string } };
    }>(
      'getKeysAndDownloads',
      'mutation($i: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $i) { activationKey link { id url } } }',
      { i: { lineId, ...CHOICE } },
      url,
    );
  }

  /** A counted download: the status, the body read to the end. */
  async download(linkToken: string, url = this.url): Promise<Answer<null>> {
    const started = performance.now();
    let answer: Answer<null>;
    try {
      const response = await fetch(`${url}/downloads/${linkToken}`);
      const body = await response.text();
      const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(body)?.[1];
      answer = {
        status: response.status,
        data: null,
        code:
          response.status >= 500
            ? (code ??
              (body.includes('DATABASE_UNAVAILABLE')
                ? 'DATABASE_UNAVAILABLE'
                : `HTTP_${response.status}`))
            : response.status === 200
              ? null
              : `HTTP_${response.status}`,
        message: null,
        servedBy: response.headers.get('x-served-by'),
        ms: performance.now() - started,
      };
    } catch (error) {
      answer = {
        status: 0,
        data: null,
        code: 'NETWORK',
        message: describe(error),
        servedBy: null,
        ms: performance.now() - started,
      };
    }
    this.tally('download', answer);
    return answer;
  }

  summary(): string {
    const list = (map: Map<string | number, number>) =>
      [...map].map(([key, count]) => `${key}×${count}`).join(' ');
    return `codes ${list(this.codes)}; statuses ${list(this.statuses)}; served by ${list(this.servedBy)}`;
  }
}

/** The secret part of a link's URL. */
export const linkToken = (url: string) => url.split('/downloads/')[1]!;

/** D8: keys and links of cancelled lines that storage still has unrevoked. */
export async function unrevokedOfCancelled(query: Query): Promise<{ keys: number; links: number }> {
  const [keys] = await query<{ n: number }[]>(
    `SELECT COUNT(*) AS n FROM activation_keys k JOIN order_lines l ON l.id = k.order_line_id
     WHERE l.status = 'CANCELLED' AND k.revoked_at IS NULL`,
  );
  const [links] = await query<{ n: number }[]>(
    `SELECT COUNT(*) AS n FROM download_links d JOIN order_lines l ON l.id = d.order_line_id
     WHERE l.status = 'CANCELLED' AND d.revoked_at IS NULL`,
  );
  return { keys: Number(keys!.n), links: Number(links!.n) };
}

/**
 * Half-done changes, each a count that must be 0: an order without lines or charge, a cancelled
 * line without exactly one credit (C10), a credit on an active line, an order whose status
 * disagrees with its lines, a link whose count disagrees with its logged downloads (D3).
 */
export async function halfDone(query: Query): Promise<Record<string, number>> {
  const count = async (sql: string) =>
    Number((await query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM (${sql}) x`))[0]!.n);
  return {
    ordersWithoutLines: await count(
      `SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id GROUP BY o.id HAVING COUNT(l.id) = 0`,
    ),
    linesWithoutCharge: await count(
      `SELECT l.id FROM order_lines l LEFT JOIN invoice_lines i ON i.order_line_id = l.id AND i.kind = 'CHARGE'
       GROUP BY l.id HAVING COUNT(i.id) <> 1`,
    ),
    cancelledWithoutOneCredit: await count(
      `SELECT l.id FROM order_lines l LEFT JOIN invoice_lines i ON i.order_line_id = l.id AND i.kind = 'CREDIT'
       WHERE l.status = 'CANCELLED' GROUP BY l.id HAVING COUNT(i.id) <> 1`,
    ),
    creditOnActiveLine: await count(
      `SELECT i.id FROM invoice_lines i JOIN order_lines l ON l.id = i.order_line_id
       WHERE i.kind = 'CREDIT' AND l.status <> 'CANCELLED'`,
    ),
    orderStatusDisagrees: await count(
      `SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id, o.status
       HAVING (o.status = 'CANCELLED') <> (SUM(l.status = 'ACTIVE') = 0)`,
    ),
    linkCountDisagreesWithLog: await count(
      `SELECT d.id FROM download_links d LEFT JOIN activity_log a
         ON a.resource = CONCAT('download-link:', d.id) AND a.operation = 'download_software' AND a.outcome = 'SUCCEEDED'
       GROUP BY d.id, d.downloads_used HAVING COUNT(a.id) <> d.downloads_used`,
    ),
  };
}

/** The distinct errors the API processes logged (what is behind an INTERNAL or 503 answer). */
export function unexpectedErrors(logFiles: string[]): string[] {
  const messages = new Set<string>();
  for (const file of logFiles) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.startsWith('{"level":"error"')) {
        const entry = JSON.parse(line) as { message?: string; error?: string };
        const message = `${entry.message ?? ''} ${entry.error ?? ''}`.trim().slice(0, 200);
        messages.add(message.replace(/\b[0-9a-f-]{36}\b/g, '…'));
      }
  }
  return [...messages];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
