import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFound, inCI, openBrowser, webRoot, type BrowserSession } from './browser';
import {
  ADMIN_AGENT,
  customerId,
  GLOBAL_ADMIN,
  signInAfresh,
  startWebhookReceiver,
} from './portal';
import { startServer, type RunningServer } from './server';

/**
 * Issue 15, E1: a Korean user meets no English. Signs in, switches to 한국어 and walks every screen
 * (customers, a customer's software and order history, Add products, activity log, billing and an
 * invoice, report a problem, the Cancel dialog, a gone download link, and the webhooks a Global
 * admin manages: form, new secret, endpoint and delivery log); on each, the visible text
 * and the accessible names (aria-label, title, placeholder, alt) must hold no English word except
 * data: product and download option names from the catalog, customer, partner and user names,
 * codes (USD, GUID, ISO, header names), e-mails, URLs, domains and ids.
 */

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

/** Latin words of two letters or more that are not codes (all capitals) or version-like. */
function latinWords(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z’']+/g)]
    .map((m) => m[0])
    .filter((word) => !/^[A-Z0-9]+s?$/.test(word));
}

describe.skipIf(!chromiumFound && !inCI)('Korean everywhere (E1)', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let page: Page;
  let checkScreen: BrowserSession['checkScreen'];
  /**
   * Names that are data, not UI text: removed before looking for English. Filled from the API
   * (catalog, customers, users) and these Microsoft product and programme names, which catalog
   * descriptions and notes use as Microsoft names them.
   */
  const dataNames: string[] = [
    'Software Assurance',
    'Windows Server Datacenter',
    'Windows Server Standard',
    'Windows Server',
    'SQL Server Standard',
    'SQL Server Enterprise',
    'Windows 7 Professional',
    'SUSE Linux Enterprise Server',
    'Red Hat Enterprise Linux',
    'Windows 7 Extended Security Updates',
    'Windows 7',
    'SUSE Linux',
    'Red Hat',
    'Enterprise',
    'Standard',
    'Datacenter',
    'Azure VM',
    'Azure',
  ];

  async function api<T>(query: string, variables: Record<string, unknown> = {}) {
    return page.evaluate(
      async ([q, v]) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return (await response.json()) as unknown;
      },
      [query, variables] as const,
    ) as Promise<GraphQLAnswer<T>>;
  }

  /** The English words left on the page once data, e-mails, URLs and ids are taken out. */
  async function englishOnScreen(): Promise<string[]> {
    const texts = await page.evaluate(() => {
      const names = Array.from(
        document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'),
      )
        .filter((el) => !el.closest('[aria-hidden="true"]'))
        .flatMap((el) =>
          ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
        );
      const labelledBy = Array.from(
        document.querySelectorAll('[aria-describedby],[aria-labelledby]'),
      )
        .flatMap((el) =>
          `${el.getAttribute('aria-labelledby') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`
            .split(/\s+/)
            .filter(Boolean),
        )
        .map((id) => document.getElementById(id)?.textContent ?? '');
      return [document.title, document.body.innerText, ...names, ...labelledBy];
    });
    let text = texts.join('\n');
    for (const name of [...dataNames].sort((a, b) => b.length - a.length)) {
      text = text.split(name).join(' ');
    }
    text = text
      .replace(/[\w.+-]+@[\w.-]+/g, ' ') // e-mails
      .replace(/https?:\/\/\S*/g, ' ') // URLs, and a scheme on its own ("https:// 주소")
      .replace(/\bX-[\w-]+/g, ' ') // HTTP header names (X-CSP-Signature)
      .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ') // domains, file names
      .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27,}\b/gi, ' ') // GUIDs
      .replace(/\b[A-Z]{2,}[\w-]*\d[\w-]*\b/g, ' '); // order ids and similar codes
    return [...new Set(latinWords(text))];
  }

  /** Waits until the screen has its data: no request in flight, no loading indicator. */
  async function settled() {
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('progressbar', { name: '불러오는 중…' })
      .first()
      .waitFor({ state: 'detached' });
  }

  async function expectKorean(screen: string) {
    await settled();
    await checkScreen(`ko-${screen}`, page);
    // Soft: the walk goes on, so one run names every screen's English.
    expect.soft(await englishOnScreen(), `English on ${screen}`).toEqual([]);
  }

  /** A webhook endpoint on this machine that takes every delivery (W2). */
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  let receiverUrl: string;

  /** The data on these screens (customers, partner and users, the catalog's names), once. */
  async function collectDataNames() {
    const customers = await api<{
      me: { displayName: string; partner: { name: string } };
      customers: { edges: { node: { id: string; name: string; domain: string } }[] };
    }>(
      '{ me { displayName partner { name } } customers(first: 100) { edges { node { id name domain } } } }',
    );
    expect(customers.errors).toBeUndefined();
    dataNames.push(customers.data!.me.displayName, customers.data!.me.partner.name);
    for (const { node } of customers.data!.customers.edges) dataNames.push(node.name, node.domain);
    const someone = customers.data!.customers.edges[0]!.node.id;
    const catalog = await api<{
      catalog: {
        name: string;
        downloadOptions: { versions: string[]; languages: string[]; fileTypes: string[] };
      }[];
    }>(
      'query ($id: ID!) { catalog(customerId: $id) { name downloadOptions { versions languages fileTypes } } }',
      { id: someone },
    );
    for (const product of catalog.data!.catalog) {
      const { versions, languages, fileTypes } = product.downloadOptions;
      dataNames.push(product.name, ...versions, ...languages, ...fileTypes);
    }
  }

  /** Every test starts signed in afresh, on its own page, in Korean (remembered, E1). */
  async function openInKorean(path: string) {
    await signInAfresh(page, server.url, ADMIN_AGENT, path, 'ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiverUrl = receiver.url;
    // The receiver is on this machine, an address the portal refuses unless told otherwise.
    server = await startServer(webRoot, { WEBHOOK_ALLOW_PRIVATE: 'true' });
    session = await openBrowser('korean');
    ({ page, checkScreen } = session);
    await signInAfresh(page, server.url);
    await collectDataNames();
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('signs in and switches to Korean', async () => {
    // Signed out, with no language remembered: the sign-in page in the browser's English.
    await page.context().clearCookies();
    await page.goto(`${server.url}/sign-in`);
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByLabel('E-mail').fill('admin.agent@contoso.example');
    await page.getByLabel('Password').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByLabel('Display language').selectOption('ko');
    await page.getByRole('heading', { name: '고객' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');

    await page.getByRole('row', { name: /Adatum Pty Ltd/ }).waitFor();
    await expectKorean('customers');
  });

  it('E1: a customer’s software, order history and Add products', async () => {
    await openInKorean('/customers');
    await page.getByRole('searchbox', { name: '고객 검색' }).fill('Wide World');
    await page.getByRole('row', { name: /Wide World Importers/ }).waitFor();
    await expectKorean('customers-search');
    await page.getByRole('link', { name: 'Wide World Importers' }).click();
    await page.getByRole('tab', { name: '소프트웨어', selected: true }).waitFor();
    await expectKorean('software');

    await page.getByRole('tab', { name: '주문 기록' }).click();
    await page.getByRole('tab', { name: '주문 기록', selected: true }).waitFor();
    await expectKorean('order-history');

    await page.getByRole('button', { name: '제품 추가' }).click();
    await page.getByRole('radio').first().waitFor();
    await expectKorean('add-products');
  });

  it('E1: the Cancel dialog', async () => {
    await openInKorean(`/customers/${await customerId(page, 'Wide World Importers')}`);
    await page.getByRole('tab', { name: '소프트웨어', selected: true }).waitFor();
    const cancel = page.getByRole('button', { name: / 취소, 주문 / }).first();
    await cancel.waitFor();
    await cancel.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('combobox').first().waitFor();
    await expectKorean('cancel-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('E1: activity log, billing and an invoice, report a problem', async () => {
    await openInKorean('/activity-log');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectKorean('activity-log');

    await page.goto(`${server.url}/billing`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectKorean('billing');
    await page.getByRole('main').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectKorean('invoice');

    await page.goto(`${server.url}/support/new`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: '제출' }).click();
    await expectKorean('report-a-problem');
  });

  it('E1: Closing soon, support requests and webhooks', async () => {
    await openInKorean('/customers');
    for (const [path, screen] of [
      ['closing-soon', 'closing-soon'],
      ['support', 'support-requests'],
      ['webhooks', 'webhooks'],
    ] as const) {
      await page.goto(`${server.url}/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectKorean(screen);
    }
  });

  it('E1, W1, W2: a Global admin’s webhooks: the form, a new endpoint’s secret and its delivery log', async () => {
    // The Admin agent above sees only why its role cannot manage webhooks; a Global admin (R2, W1)
    // sees the rest, in a browser set to Korean.
    const context = await session.browser.newContext({
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
      viewport: { width: 1280, height: 860 },
      bypassCSP: true,
    });
    const main = page;
    page = await context.newPage();
    try {
      await signInAfresh(page, server.url, GLOBAL_ADMIN, '/webhooks');
      await page.getByRole('heading', { name: '웹후크', level: 1 }).waitFor();
      const me = await api<{ me: { displayName: string } }>('{ me { displayName } }');
      dataNames.push(me.data!.me.displayName);
      await page.getByRole('button', { name: '엔드포인트 추가' }).waitFor();
      await expectKorean('webhooks-global-admin');

      await page.getByLabel('엔드포인트 URL').fill(receiverUrl);
      await page.getByRole('button', { name: '엔드포인트 추가' }).click();
      const secret = page.getByText(/^whsec_/);
      await secret.waitFor();
      dataNames.push((await secret.textContent())!); // shown once: data, not words
      await page.getByText('아직 보낸 항목이 없습니다.').waitFor();
      await expectKorean('webhooks-new-endpoint');

      await page.getByRole('button', { name: '테스트 이벤트 보내기' }).click();
      // The worker sends it within a second or two; the log asks again every five.
      await page.getByText('전송됨').waitFor({ timeout: 30_000 });
      await expectKorean('webhooks-delivery-log');
    } finally {
      page = main;
      await context.close();
    }
  });

  it('E1, D3: a download link that does not work says so in Korean', async () => {
    // The customer who got the link opens it in a browser set to Korean (Accept-Language: ko-KR).
    const context = await session.browser.newContext({ locale: 'ko-KR', bypassCSP: true });
    const customerPage = await context.newPage();
    await customerPage.goto(`${server.url}/downloads/not-a-real-token`);
    await customerPage.getByRole('heading', { level: 1 }).waitFor();
    const main = page;
    page = customerPage;
    try {
      await expectKorean('gone-link');
    } finally {
      page = main;
      await context.close();
    }
  });
});
