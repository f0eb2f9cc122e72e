import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, translate, type Language, type MessageKey } from '../src/app/i18n/messages';
import { chromiumFound, inCI, openBrowser, webRoot, type BrowserSession } from './browser';
import { layoutProblems } from './layout';
import {
  buy,
  customerId,
  settled,
  signInAfresh,
  softwareLineOf,
  startWebhookReceiver,
} from './portal';
import { startServer, type RunningServer } from './server';

/**
 * Issue 14: every screen of the portal on a phone (390×844, touch, device scale 2), in English and
 * Korean, with the journeys of the seed page (buy, get keys and downloads, activity log, cancel,
 * report a problem). Each screen fails on sideways scrolling, overlapping or collapsed text, and
 * controls under 24×24 px or out of reach (e2e/layout.ts); each is saved to
 * e2e-output/phone-<lang>-NN-<screen>.png and checked with axe.
 *
 * Each test starts from its own state (issue 16): no session left from a test before, signed in
 * afresh in the language of its browser (en-US or ko-KR, nothing stored), and the orders it shows
 * are ones it buys through the API. Any test passes alone or in any order.
 */

const PASSWORD = 'demo-password-2026';

describe.skipIf(!chromiumFound && !inCI)('the portal on a phone', () => {
  let server: RunningServer;
  // A webhook receiver on this machine, for the delivery log (the portal is told to allow it).
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;
  let receiverUrl: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    receiverUrl = receiver.url;
    server = await startServer(webRoot, { WEBHOOK_ALLOW_PRIVATE: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  for (const language of ['en', 'ko'] as Language[]) {
    describe(language === 'en' ? 'in English' : 'in Korean', () => {
      let session: BrowserSession;
      let page: Page;
      const t = (key: MessageKey, values?: Record<string, string | number>) =>
        translate(language, key, values);

      beforeAll(async () => {
        // The texts the screens should show, from the same ICU catalog the portal loads.
        await loadCatalog(language);
        session = await openBrowser(`phone-${language}`, {
          phone: true,
          locale: language === 'en' ? 'en-US' : 'ko-KR',
        });
        page = session.page;
      });
      afterAll(async () => {
        await session?.close();
      });

      /** Screenshot + axe, then the phone layout checks. */
      async function check(name: string) {
        await settled(page);
        await session.checkScreen(name);
        expect(await layoutProblems(page), `${language} ${name}`).toEqual([]);
      }

      /** Signed in afresh (in the browser's language), on a customer's page. */
      async function openCustomer(name: string, tab: string): Promise<string> {
        await signInAfresh(page, server.url);
        const id = await customerId(page, name);
        await page.goto(`${server.url}/customers/${id}/${tab}`);
        return id;
      }

      async function signIn(email: string) {
        await page.goto(`${server.url}/sign-in`);
        await page.getByRole('heading', { name: t('signIn.title'), exact: true }).waitFor();
        await page.getByLabel(t('signIn.email')).fill(email);
        await page.getByLabel(t('signIn.password')).fill(PASSWORD);
        await page.getByRole('button', { name: t('signIn.submit') }).click();
        await page.getByRole('heading', { name: t('customers.title'), level: 1 }).waitFor();
      }

      async function heading(name: string | RegExp) {
        await page.getByRole('heading', { name, level: 1 }).waitFor();
      }

      const lineOf = (product: string, orderId?: string) => softwareLineOf(page, product, orderId);

      it('the layout checks themselves find what they look for', async () => {
        // A page made of the faults, so a check that stopped working fails here, not silently.
        await page.setContent(`
          <div style="overflow-x:auto;width:200px"><div style="width:600px">Amount 1,250.00</div></div>
          <p style="position:absolute;top:300px;left:10px;margin:0">Overlapping words</p>
          <p style="position:absolute;top:302px;left:14px;margin:0">Other sentence</p>
          <p style="width:30px;overflow-wrap:anywhere">Collapsed</p>
          <p style="width:60px;overflow-wrap:anywhere">https://example.com/a-long-address-that-must-break</p>
          <button style="width:12px;height:12px;padding:0">a</button><button style="width:12px;height:12px;padding:0">b</button>`);
        const problems = await layoutProblems(page);
        expect(problems.some((p) => p.startsWith('sideways scroll inside <div>'))).toBe(true);
        expect(problems.some((p) => p.startsWith('overlapping text: “Overlapping words”'))).toBe(
          true,
        );
        expect(problems.some((p) => p.includes('“Collapsed” broken over'))).toBe(true);
        expect(problems.some((p) => p.includes('example'))).toBe(false);
        expect(problems.some((p) => p.includes('<button>'))).toBe(true);
      });

      it('sign in', async () => {
        await page.context().clearCookies();
        await page.goto(`${server.url}/sign-in`);
        await page.evaluate(() => window.localStorage.clear());
        await page.reload();
        await page.getByRole('heading', { name: t('signIn.title'), exact: true }).waitFor();
        await check('sign-in');
        await signIn('admin.agent@contoso.example');
        await page.getByRole('link', { name: 'Adatum Pty Ltd' }).waitFor();
        await check('customers');
      });

      it('a customer’s Software tab, Get keys and downloads', async () => {
        // A Datacenter line of its own: the keys it gets are on no line another test shows.
        await signInAfresh(page, server.url);
        const orderId = await buy(
          page,
          'Wide World Importers',
          'windows-server-2022-datacenter:1y',
        );
        await page.goto(
          `${server.url}/customers/${await customerId(page, 'Wide World Importers')}/software`,
        );
        await heading('Wide World Importers');
        const product = 'Windows Server 2022 Datacenter';
        const item = lineOf(product, orderId);
        await item.waitFor();
        await check('software');
        await item
          .getByRole('heading', { name: new RegExp(product) })
          .getByRole('button')
          .click();
        await item.getByLabel(t('software.version')).selectOption('2022');
        await item
          .getByRole('combobox', { name: new RegExp(`^${t('software.language')}`) })
          .selectOption('English');
        await item.getByLabel(t('software.fileType')).selectOption('ISO (x64)');
        await item.getByRole('button', { name: t('software.submit') }).click();
        await item.getByRole('button', { name: t('software.getKeysAndDownloads') }).click();
        // The keys, or an error to fail with (a CI run once timed out here with neither named).
        const result = item.getByRole('region', { name: t('software.keysAndDownloads') });
        const failure = item.getByRole('alert');
        await result.or(failure).first().waitFor();
        expect(await failure.allTextContents()).toEqual([]);
        await check('keys-and-downloads');
      });

      it('the Cancel dialog, through to the cancellation', async () => {
        // An Office order of its own, cancelled here: no other test shows it.
        await signInAfresh(page, server.url);
        const orderId = await buy(
          page,
          'Hanbit Soft',
          'office-ltsc-professional-plus-2024:perpetual',
        );
        await page.goto(
          `${server.url}/customers/${await customerId(page, 'Hanbit Soft')}/software`,
        );
        await heading('Hanbit Soft');
        const office = lineOf('Office LTSC Professional Plus 2024', orderId);
        await office.waitFor();
        await office.getByRole('button', { name: new RegExp(t('cancel.button')) }).click();
        const dialog = page.getByRole('dialog', { name: t('cancel.title') });
        await dialog.getByTestId('cancel-status').waitFor();
        // The closed Order number drop-down is cut short on a phone: the days left come first.
        const chosen = await dialog
          .getByRole('combobox', { name: t('cancel.orderNumber') })
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
        const [shownId, daysLeft] = chosen.split(' · ');
        expect(shownId).toBe(orderId);
        expect(daysLeft).toMatch(/\d/);
        await check('cancel-dialog');
        await dialog.getByRole('checkbox', { name: t('cancel.acknowledge') }).check();
        await dialog.getByRole('button', { name: t('cancel.submit') }).click();
        await dialog
          .getByRole('status')
          .filter({ hasText: t('cancel.success.title', { orderId }) })
          .waitFor();
        await check('cancel-confirmation');
        await dialog.getByRole('button', { name: t('cancel.close') }).click();
        await dialog.waitFor({ state: 'detached' });
      });

      it('Add products: choose, cart, review, placed', async () => {
        await openCustomer('Saba Logistics', 'add-products');
        await heading(t('addProducts.title'));
        await page.getByRole('radio').first().waitFor();
        await check('add-products-catalog');

        await page.getByRole('radio', { name: /^Office LTSC Professional Plus 2024/ }).check();
        // Choosing a product brings its SKU and Quantity into view.
        const quantity = page.getByLabel(t('addProducts.quantity'));
        await expect
          .poll(() =>
            quantity.evaluate((el) => {
              const box = el.getBoundingClientRect();
              return box.top >= 0 && box.bottom <= window.innerHeight;
            }),
          )
          .toBe(true);
        await check('add-products-product');
        await quantity.fill('3');
        await page.getByRole('button', { name: t('addProducts.addToOrder') }).click();
        await page.getByRole('list', { name: t('addProducts.cart') }).waitFor();
        await check('add-products-cart');

        await page.getByRole('button', { name: t('addProducts.review') }).click();
        await page.getByText(t('addProducts.placeOrder'), { exact: true }).waitFor();
        await check('add-products-review');
        await page.getByRole('button', { name: t('addProducts.placeOrder') }).click();
        await page.locator('#done-heading').waitFor();
        await check('add-products-placed');
      });

      it('Order history', async () => {
        // An order of its own, like the one Add products places.
        await signInAfresh(page, server.url);
        await buy(page, 'Saba Logistics', 'office-ltsc-professional-plus-2024:perpetual', 3);
        await page.goto(
          `${server.url}/customers/${await customerId(page, 'Saba Logistics')}/orders`,
        );
        await page.getByRole('table', { name: t('customer.orderHistory') }).waitFor();
        await check('order-history');
        const wide = await customerId(page, 'Wide World Importers');
        await page.goto(`${server.url}/customers/${wide}/orders`);
        await page.getByRole('table', { name: t('customer.orderHistory') }).waitFor();
        await check('order-history-many');
      });

      it('Billing and an invoice', async () => {
        await signInAfresh(page, server.url, undefined, '/billing');
        await heading(t('billing.title'));
        await page.getByRole('table').first().waitFor();
        await check('billing');
        await page.locator('main a[href^="/billing/"]').first().click();
        await page.getByRole('table').first().waitFor();
        await check('invoice');
      });

      it('Report a problem, submitted, and the list of support requests', async () => {
        await signInAfresh(page, server.url, undefined, '/support/new');
        await heading(t('support.title'));
        await check('report-problem');
        await page.getByRole('button', { name: t('support.submit') }).click();
        await page.locator('.fui-Field__validationMessage').first().waitFor();
        await check('report-problem-errors');
        await page.getByLabel(t('support.problemType')).selectOption('OTHER');
        await page.getByLabel(t('support.impact')).selectOption('LOW');
        await page.getByLabel(t('support.field.title')).fill('Phone check of the support form');
        await page
          .getByLabel(t('support.field.details'))
          .fill('Submitted from a phone-sized browser by the end-to-end suite.');
        await page.getByLabel(t('support.contactPhone')).fill('+1 425 555 0100');
        await page.getByRole('button', { name: t('support.submit') }).click();
        const done = page.getByRole('status').filter({ hasText: /SR-\w+/ });
        await done.waitFor();
        await check('report-problem-submitted');
        await done.getByRole('link', { name: t('support.created.list') }).click();
        await heading(t('support.list.title'));
        await check('support-requests');
      });

      it('Closing soon, the settings menu, a customer that does not exist, a download link that does not work', async () => {
        await signInAfresh(page, server.url, undefined, '/closing-soon');
        await heading(t('closingSoon.title'));
        await check('closing-soon');
        await page.getByRole('button', { name: t('header.settings') }).click();
        await page.getByRole('menu').waitFor();
        await check('settings-menu');
        await page.keyboard.press('Escape');
        await page.goto(`${server.url}/customers/no-such-customer/software`);
        await page.getByText(t('app.customerNotFound')).waitFor();
        await check('customer-not-found');
        // The page a customer sees for a download link that does not work (the server's own, in
        // the browser's language).
        await page.goto(`${server.url}/downloads/not-a-real-token`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await check('gone-link');
      });

      it('a page that does not exist', async () => {
        await signInAfresh(page, server.url);
        await page.goto(`${server.url}/nowhere`);
        await page.getByText(t('app.notFound')).waitFor();
        await check('not-found');
      });

      it('Webhooks, as a Global admin: a new endpoint and its delivery log', async () => {
        await signInAfresh(page, server.url, 'global.admin@contoso.example', '/webhooks');
        await heading(t('webhooks.title'));
        await check('webhooks');
        await page.getByLabel(t('webhooks.url')).fill(`${receiverUrl}/${language}`);
        await page.getByRole('button', { name: t('webhooks.register') }).click();
        await page.getByText(/^whsec_/).waitFor();
        await check('webhooks-new-endpoint');
        const endpoint = page
          .locator('.fui-Card')
          .filter({ hasText: `${receiverUrl}/${language}` });
        await endpoint.getByRole('button', { name: t('webhooks.sendTest') }).click();
        // The worker sends it within a second or two; the log asks again every five.
        await endpoint
          .getByRole('table', { name: t('webhooks.log.title') })
          .getByText(t('webhooks.status.DELIVERED'))
          // Events of the other tests may be delivered to it too.
          .first()
          .waitFor({ timeout: 30_000 });
        await check('webhooks-delivery-log');
      });

      it('the Activity log, as a Global admin', async () => {
        await signInAfresh(page, server.url);
        await page.getByRole('button', { name: t('header.signOut') }).click();
        await page.getByRole('heading', { name: t('signIn.title'), exact: true }).waitFor();
        await signIn('global.admin@contoso.example');
        await page.goto(`${server.url}/activity-log`);
        await heading(t('activity.title'));
        await page.getByRole('button', { name: t('activity.allOperations') }).click();
        await page.getByRole('table', { name: t('activity.title') }).waitFor();
        await check('activity-log');
      });
    });
  }
});
