import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Shared by the browser suites so that each test starts from its own state (issue 16): a fresh
 * sign-in, and what it changes bought for itself through the GraphQL API, as the portal calls it.
 */

import { LANGUAGE_STORAGE_KEY } from '../src/app/i18n/language-choice';

export const DEMO_PASSWORD = 'demo-password-2026';
export const ADMIN_AGENT = 'admin.agent@contoso.example';
export const GLOBAL_ADMIN = 'global.admin@contoso.example';

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface SoftwareLine {
  id: string;
  orderId: string;
  status: string;
  purchasedAt: string;
  product: { id: string; name: string };
  downloadOptions: { versions: string[]; languages: string[]; fileTypes: string[] };
}

/** The GraphQL API with the page's session cookie (the page must be on the portal's origin). */
export async function graphql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
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

/**
 * Signs in afresh: no cookie, storage or language left from a test before, so the portal shows
 * the browser's language (the context's locale). The sign-in goes through the API (the sign-in
 * screen has its own tests); then the page opens `path` and waits for its heading.
 */
export async function signInAfresh(
  page: Page,
  serverUrl: string,
  email = ADMIN_AGENT,
  path = '/customers',
  /** The display language remembered from an earlier visit (E1); none: the browser's. */
  language?: 'en' | 'ko',
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${serverUrl}/sign-in`);
  await page.evaluate(
    ([key, chosen]) => {
      window.localStorage.clear();
      window.sessionStorage.clear();
      if (chosen) window.localStorage.setItem(key, chosen);
    },
    [LANGUAGE_STORAGE_KEY, language] as const,
  );
  const answer = await graphql(
    page,
    'mutation ($i: SignInInput!) { signIn(input: $i) { __typename } }',
    { i: { email, password: DEMO_PASSWORD } },
  );
  expect(answer.errors, `sign in as ${email}`).toBeUndefined();
  await page.goto(`${serverUrl}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

export async function customerId(page: Page, name: string): Promise<string> {
  const answer = await graphql<{
    customers: { edges: { node: { id: string; name: string } }[] };
  }>(page, 'query ($s: String) { customers(search: $s) { edges { node { id name } } } }', {
    s: name,
  });
  const node = answer.data?.customers.edges.find((e) => e.node.name === name)?.node;
  if (!node) throw new Error(`No customer named ${name}: ${JSON.stringify(answer.errors)}`);
  return node.id;
}

/** Buys for a customer through the API, now: an order no other test touches. Returns its id. */
export async function buy(
  page: Page,
  customer: string,
  skuId: string,
  quantity = 1,
): Promise<string> {
  const answer = await graphql<{ placeOrder: { id: string } }>(
    page,
    'mutation ($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
    {
      i: {
        customerId: await customerId(page, customer),
        idempotencyKey: crypto.randomUUID(),
        lines: [{ skuId, quantity }],
      },
    },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.placeOrder.id;
}

export async function softwareLines(page: Page, customer: string): Promise<SoftwareLine[]> {
  const answer = await graphql<{ customer: { software: SoftwareLine[] } }>(
    page,
    `
      query ($id: ID!) {
        customer(id: $id) {
          software {
            id
            orderId
            status
            purchasedAt
            product {
              id
              name
            }
            downloadOptions {
              versions
              languages
              fileTypes
            }
          }
        }
      }
    `,
    { id: await customerId(page, customer) },
  );
  return answer.data!.customer.software;
}

/** Buys one line for a customer and returns it as the Software tab lists it. */
export async function buyLine(page: Page, customer: string, skuId: string): Promise<SoftwareLine> {
  const orderId = await buy(page, customer, skuId);
  return (await softwareLines(page, customer)).find((l) => l.orderId === orderId)!;
}

/** Get keys and downloads through the API, for the line's first version, language and file type. */
export async function getKeysAndDownloads(page: Page, line: SoftwareLine) {
  return graphql<{
    getKeysAndDownloads: { activationKey: string | null; link: { url: string } | null };
  }>(
    page,
    `
      mutation ($input: GetKeysAndDownloadsInput!) {
        getKeysAndDownloads(input: $input) {
          activationKey
          link {
            url
          }
        }
      }
    `,
    {
      input: {
        lineId: line.id,
        version: line.downloadOptions.versions[0],
        language: line.downloadOptions.languages[0],
        fileType: line.downloadOptions.fileTypes[0],
      },
    },
  );
}

/** Waits for the page's finite animations (a dialog fading in) to end, for a clean screenshot. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Billing in the main navigation, then the month's open invoice in the currency. `onBilling` runs
 * on the Billing page first (e.g. its screenshot).
 */
export async function openOpenInvoice(
  page: Page,
  currency: string,
  onBilling: () => Promise<void> = async () => undefined,
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Billing' })
    .click();
  const open = page.getByRole('row').filter({ hasText: currency }).filter({ hasText: 'Open' });
  await open.first().waitFor();
  await onBilling();
  await open
    .first()
    .getByRole('link', { name: /View invoice/ })
    .click();
}

/** A product's line on a customer's Software tab: the line of the order, or else the newest. */
export function softwareLineOf(page: Page, product: string, orderId?: string): Locator {
  const items = page.locator('.fui-AccordionItem').filter({ hasText: product });
  return orderId ? items.filter({ hasText: orderId }) : items.first();
}

/**
 * A webhook receiver on this machine that answers 204 to every delivery. The portal refuses such
 * an address unless started with WEBHOOK_ALLOW_PRIVATE=true.
 */
export async function startWebhookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/csp-webhooks`,
    close: () => new Promise<void>((resolve) => receiver.close(() => resolve())),
  };
}
