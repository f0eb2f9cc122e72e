import { HttpLink } from '@apollo/client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchInPageLanguage } from '../../app/fetch-in-page-language';
import { recordServerOffset, resetServerClock } from '../../app/server-clock';
import type { CancelButtonProps } from '../cancellation/CancelButton';
import { graphQLError, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { SoftwareList } from './SoftwareList';
import { CustomerSoftwareDocument, GetKeysAndDownloadsDocument } from './useSoftware';

// The Cancel dialog is another feature's: a stand-in shows what the Software tab passes to it.
const cancelProps: CancelButtonProps[] = [];
vi.mock('../cancellation/CancelButton', () => ({
  CancelButton: (props: CancelButtonProps) => {
    cancelProps.push(props);
    if (props.lineCancelled) return null; // as the real one does when no dialog is open
    return (
      <button type="button" onClick={props.onCancelled}>
        {`Cancel stand-in ${props.orderId}`}
      </button>
    );
  },
}));

const DAY = 86_400_000;
const MINUTE = 60_000;
const URL = 'http://localhost/downloads/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
const KEY = 'VK7JG-NPHTM-C97JM-9MPGT-3V66T';
const FILE = 'Windows-Server-2022-Datacenter_2022_English_ISO-x64.iso';

function link(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'DownloadLink',
    id: 'link-1',
    version: '2022',
    language: 'English',
    fileType: 'ISO (x64)',
    issuedAt: '2026-11-20T09:00:00.000Z',
    expiresAt: new Date(Date.now() + 9 * DAY + 3_600_000).toISOString(),
    downloadsUsed: 3,
    downloadsLeft: 47,
    maxDownloads: 50,
    state: 'ACTIVE',
    issuedBy: {
      __typename: 'UserRef',
      displayName: 'Admin agent (Contoso)',
      email: 'admin.agent@contoso.example',
    },
    ...overrides,
  };
}

function line(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'OrderLine',
    id: 'line-1',
    orderId: 'ORDERWS00001',
    status: 'ACTIVE',
    quantity: 2,
    purchasedQuantity: 2,
    purchasedAt: '2026-11-22T23:30:00.000Z',
    cancellableUntil: new Date(Date.now() + 58 * DAY).toISOString(),
    cancellationPolicy: 'WINDOW',
    cancelledAt: null,
    termYears: 1,
    skuName: '16-core pack, 1 year',
    skuUnit: null,
    skuUnitSize: null,
    hasActivationKeys: true,
    product: {
      __typename: 'ProductRef',
      id: 'windows-server-2022-datacenter',
      name: 'Windows Server 2022 Datacenter',
      kind: 'SERVER_SUBSCRIPTION',
    },
    downloadOptions: {
      __typename: 'DownloadOptions',
      versions: ['2022', '2019'],
      languages: ['English', 'Korean'],
      fileTypes: ['ISO (x64)', 'VHDX (x64)'],
    },
    links: [],
    ...overrides,
  };
}

function softwareMock(software: unknown[]) {
  return {
    request: { query: CustomerSoftwareDocument, variables: { id: 'c-1' } },
    result: { data: { customer: { __typename: 'Customer', id: 'c-1', software } } },
  };
}

function keysMock(
  input: Record<string, string>,
  result: { activationKey: string | null; link: Record<string, unknown> | null },
) {
  return {
    request: { query: GetKeysAndDownloadsDocument, variables: { input } },
    result: {
      data: {
        getKeysAndDownloads: {
          __typename: 'KeysAndDownloads',
          activationKey: result.activationKey,
          link: result.link,
          line: { __typename: 'OrderLine', id: input['lineId'], status: 'ACTIVE' },
        },
      },
    },
  };
}

const issuedLink = {
  __typename: 'IssuedDownloadLink',
  id: 'link-new',
  url: URL,
  fileName: FILE,
  expiresAt: '2026-12-07T00:00:00.000Z',
  downloadsLeft: 50,
  maxDownloads: 50,
  downloadsUsed: 0,
  state: 'ACTIVE',
  version: '2022',
  language: 'English',
  fileType: 'ISO (x64)',
};

const routing = { route: '/customers/c-1/software', path: '/customers/:customerId/software' };

async function expand(name: RegExp) {
  const header = await screen.findByRole('button', { name });
  await userEvent.click(header);
  expect(header).toHaveAttribute('aria-expanded', 'true');
}

/** D2: the Datacenter line expanded, 2022 · English · ISO (x64) chosen and submitted. */
async function chooseDatacenter2022(user: ReturnType<typeof userEvent.setup>) {
  await expand(/Windows Server 2022 Datacenter/);
  await user.selectOptions(screen.getByLabelText(/^Version/), '2022');
  await user.selectOptions(screen.getByLabelText(/^Language/), 'English');
  await user.selectOptions(screen.getByLabelText(/^File type\/OS/), 'ISO (x64)');
  await user.click(screen.getByRole('button', { name: 'Submit' }));
}

describe('Software tab', () => {
  it('D2, D4: choose Version, Language, File type/OS, Submit, Get keys and downloads: key and a fresh link, Download and Copy link', async () => {
    const user = userEvent.setup(); // gives the page a clipboard to copy into
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line()]),
        keysMock(
          { lineId: 'line-1', version: '2022', language: 'English', fileType: 'ISO (x64)' },
          { activationKey: KEY, link: issuedLink },
        ),
        // Afterwards the list is read again and shows the new link among the live ones.
        softwareMock([
          line({
            links: [
              link({
                id: 'link-new',
                downloadsUsed: 0,
                downloadsLeft: 50,
                expiresAt: new Date(Date.now() + 14 * DAY - 60_000).toISOString(),
              }),
            ],
          }),
        ]),
      ],
    });
    await expand(/Windows Server 2022 Datacenter/);

    await user.selectOptions(screen.getByLabelText(/^Version/), '2022');
    await user.selectOptions(screen.getByLabelText(/^Language/), 'English');
    await user.selectOptions(screen.getByLabelText(/^File type\/OS/), 'ISO (x64)');
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    const chosen = screen.getByRole('group', { name: 'Selected product' });
    expect(chosen).toHaveTextContent('Windows Server 2022 Datacenter 2022, English, ISO (x64)');
    await user.click(within(chosen).getByRole('button', { name: 'Get keys and downloads' }));

    const result = await screen.findByRole('region', { name: 'Keys and downloads' });
    expect(within(result).getByText(KEY).tagName).toBe('CODE'); // monospace
    expect(result).toHaveTextContent(FILE);
    const download = within(result).getByRole('link', { name: 'Download' });
    expect(download).toHaveAttribute('href', URL);
    expect(download).toHaveAttribute('download', FILE);
    expect(within(result).getByRole('textbox', { name: 'Download link' })).toHaveValue(URL);
    expect(result).toHaveTextContent('Expires Dec 7, 2026, 12:00 AM UTC · 50 downloads left');

    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    expect(await within(result).findByText('Copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(URL);

    await user.click(within(result).getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(KEY);

    // D4: the new link shows among the live links, with its 50 downloads and 14 days.
    const live = await screen.findByRole('region', { name: 'Live download links (1)' });
    expect(live).toHaveTextContent('0 of 50 downloads used · expires in 14 days');
  });

  it('D4: a live link shows downloads used and time left, the exact expiry as its title, and who issued it', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [softwareMock([line({ links: [link()] })])],
    });
    await expand(/Windows Server 2022 Datacenter/);
    const live = screen.getByRole('region', { name: 'Live download links (1)' });
    expect(live).toHaveTextContent('2022 · English · ISO (x64)');
    expect(live).toHaveTextContent('3 of 50 downloads used · expires in 9 days');
    const expiry = within(live).getByText('expires in 9 days');
    expect(expiry.tagName).toBe('TIME');
    expect(expiry).toHaveAttribute('title', expect.stringMatching(/^\w{3} \d+, \d{4}, .* UTC$/));
    expect(live).toHaveTextContent('Issued by Admin agent (Contoso) on Nov 20, 2026, 09:00 AM UTC');
    // D5: the list never shows a link's address.
    expect(live).not.toHaveTextContent('/downloads/');
  });

  it('D4, E1: in Korean, the link’s usage and time left are Korean', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      language: 'ko',
      mocks: [softwareMock([line({ links: [link()] })])],
    });
    await expand(/Windows Server 2022 Datacenter/);
    const live = screen.getByRole('region', { name: '유효한 다운로드 링크(1)' });
    expect(live).toHaveTextContent('50회 중 3회 다운로드됨 · 9일 후 만료');
    expect(screen.getByLabelText(/^버전/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^파일 형식\/OS/)).toBeInTheDocument();
  });

  it('D1, C1, C2: each line shows product, SKU, order ID linking to Order history, purchase date, status and the cancellation deadline in the user’s zone', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([
          line({ cancellableUntil: '2027-01-21T23:30:00.000Z' }),
          line({
            id: 'line-esu',
            orderId: 'ORDERESU0001',
            cancellationPolicy: 'SUPPORT_REQUEST',
            cancellableUntil: null,
            skuName: 'Per device, 2020',
            product: {
              __typename: 'ProductRef',
              id: 'windows-7-esu-2020',
              name: 'Windows 7 Extended Security Updates 2020',
              kind: 'WINDOWS_7_ESU',
            },
          }),
        ]),
      ],
    });
    const item = (await screen.findByRole('heading', { name: /Windows Server 2022 Datacenter/ }))
      .parentElement!.parentElement!;
    expect(item).toHaveTextContent('16-core pack, 1 year · Server subscription');
    expect(item).toHaveTextContent('PurchasedNov 22, 2026, 11:30 PM UTC');
    expect(item).toHaveTextContent('Active');
    expect(item).toHaveTextContent('Cancellation windowOpen until Jan 21, 2027, 11:30 PM UTC');
    expect(
      within(item).getByRole('link', { name: 'Order ORDERWS00001 in Order history' }),
    ).toHaveAttribute('href', '/customers/c-1/orders?order=ORDERWS00001');
    const esu = screen.getByRole('heading', { name: /Windows 7 Extended Security Updates/ })
      .parentElement!.parentElement!;
    expect(esu).toHaveTextContent('Only through a support request');
  });

  it('D8: a cancelled line stays listed, marked cancelled with the date, with no key, no links and no enabled button', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([
          line({
            status: 'CANCELLED',
            quantity: 0,
            cancelledAt: '2026-11-25T10:00:00.000Z',
            links: [],
          }),
        ]),
      ],
    });
    await expand(/Windows Server 2022 Datacenter/);
    const item = screen.getByRole('heading', { name: /Windows Server 2022 Datacenter/ })
      .parentElement!.parentElement!;
    expect(item).toHaveTextContent('Cancelled on Nov 25, 2026, 10:00 AM UTC');
    expect(item).toHaveTextContent('0 of 2 bought');
    expect(item).toHaveTextContent(
      'This purchase was cancelled on Nov 25, 2026, 10:00 AM UTC. Its activation key and download links are revoked',
    );
    expect(screen.queryByRole('button', { name: /Get keys/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Version/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Activation key/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Live download links/ })).not.toBeInTheDocument();
    // Inside the line, nothing can be pressed (the Cancel dialog decides about its own button).
    const panel = item.querySelector('[role="region"]') ?? item;
    const enabled = within(panel as HTMLElement)
      .queryAllByRole('button')
      .filter((b) => !b.hasAttribute('disabled') && b.getAttribute('aria-disabled') !== 'true')
      .filter((b) => !/Cancel stand-in|Windows Server/.test(b.textContent ?? ''));
    expect(enabled).toEqual([]);
  });

  it('R3, R9: a Sales agent sees Get keys and downloads disabled with the role it needs, not hidden', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SoftwareList />, {
      ...routing,
      me: meOf(['SALES_AGENT']),
      mocks: [softwareMock([line()])],
    });
    await expand(/Windows Server 2022 Datacenter/);
    await user.selectOptions(screen.getByLabelText(/^Version/), '2019');
    await user.selectOptions(screen.getByLabelText(/^Language/), 'Korean');
    await user.selectOptions(screen.getByLabelText(/^File type\/OS/), 'VHDX (x64)');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const button = screen.getByRole('button', { name: 'Get keys and downloads' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Needs one of these roles: Admin agent');
    expect(screen.getByText('Needs one of these roles: Admin agent')).toBeVisible();
    await user.click(button); // nothing is asked of the API (no mock for it would answer)
    expect(screen.queryByRole('region', { name: 'Keys and downloads' })).not.toBeInTheDocument();
  });

  it('D2: Submit without a full choice says what is missing', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SoftwareList />, { ...routing, mocks: [softwareMock([line()])] });
    await expand(/Windows Server 2022 Datacenter/);
    await user.selectOptions(screen.getByLabelText(/^Version/), '2022');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByText('Choose a language.')).toBeInTheDocument();
    expect(screen.getByText('Choose a file type/OS.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Selected product' })).not.toBeInTheDocument();
  });

  it('D2: a product without downloads says so; a product with keys only offers Get keys', async () => {
    const user = userEvent.setup();
    const noOptions = { __typename: 'DownloadOptions', versions: [], languages: [], fileTypes: [] };
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([
          line({
            id: 'line-ri',
            hasActivationKeys: false,
            downloadOptions: noOptions,
            skuName: 'D2s v5, 1 year',
            product: {
              __typename: 'ProductRef',
              id: 'azure-reserved-vm-d2s-v5',
              name: 'Azure Reserved VM Instance, D2s v5',
              kind: 'AZURE_RESERVATION',
            },
          }),
          line({
            id: 'line-keys',
            downloadOptions: noOptions,
            skuName: 'Perpetual, 1 device',
            product: {
              __typename: 'ProductRef',
              id: 'keys-only',
              name: 'Keys Only Suite',
              kind: 'PERPETUAL_SOFTWARE',
            },
          }),
        ]),
        keysMock({ lineId: 'line-keys' }, { activationKey: KEY, link: null }),
        softwareMock([]),
      ],
    });
    await expand(/Azure Reserved VM Instance/);
    expect(
      screen.getByText('This product has no downloads or activation keys: it is used in Azure.'),
    ).toBeInTheDocument();

    await expand(/Keys Only Suite/);
    expect(screen.queryAllByRole('button', { name: 'Submit' })).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Get keys' }));
    const result = await screen.findByRole('region', { name: 'Keys and downloads' });
    expect(result).toHaveTextContent(KEY);
    expect(within(result).queryByRole('link', { name: 'Download' })).not.toBeInTheDocument();
  });

  it('D2: where the browser refuses the clipboard, the link is selected and the user is told to copy it', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line()]),
        keysMock(
          { lineId: 'line-1', version: '2022', language: 'English', fileType: 'ISO (x64)' },
          { activationKey: KEY, link: issuedLink },
        ),
        softwareMock([line()]),
      ],
    });
    await chooseDatacenter2022(user);
    await user.click(screen.getByRole('button', { name: 'Get keys and downloads' }));
    const result = await screen.findByRole('region', { name: 'Keys and downloads' });

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    expect(
      await within(result).findByText(/did not allow copying\. The text is selected/),
    ).toBeInTheDocument();
    const field = within(result).getByRole('textbox', { name: 'Download link' });
    expect(field).toHaveFocus();
    expect((field as HTMLInputElement).selectionEnd).toBe(URL.length);
  });

  it('D8, E2: a line cancelled meanwhile: the refusal is shown and the list is read again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([
          line({
            downloadOptions: {
              __typename: 'DownloadOptions',
              versions: ['2022'],
              languages: ['English'],
              fileTypes: ['ISO (x64)'],
            },
          }),
        ]),
        {
          request: {
            query: GetKeysAndDownloadsDocument,
            variables: {
              input: {
                lineId: 'line-1',
                version: '2022',
                language: 'English',
                fileType: 'ISO (x64)',
              },
            },
          },
          result: graphQLError('ALREADY_CANCELLED', { cancelledAt: '2026-11-25T10:00:00.000Z' }),
        },
        softwareMock([
          line({ status: 'CANCELLED', quantity: 0, cancelledAt: '2026-11-25T10:00:00.000Z' }),
        ]),
      ],
    });
    await expand(/Windows Server 2022 Datacenter/);
    // A single option is chosen already.
    expect(screen.getByLabelText(/^Version/)).toHaveValue('2022');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await user.click(screen.getByRole('button', { name: 'Get keys and downloads' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This purchase was already cancelled on Nov 25, 2026, 10:00 AM UTC.',
    );
    expect(await screen.findByText('Cancelled on Nov 25, 2026, 10:00 AM UTC')).toBeInTheDocument();
  });

  it('issue 14: a failed second try keeps the key and link already shown, with the error', async () => {
    const user = userEvent.setup();
    const input = { lineId: 'line-1', version: '2022', language: 'English', fileType: 'ISO (x64)' };
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line()]),
        keysMock(input, { activationKey: KEY, link: issuedLink }),
        softwareMock([line()]),
        {
          request: { query: GetKeysAndDownloadsDocument, variables: { input } },
          result: graphQLError('DATABASE_UNAVAILABLE'),
        },
        softwareMock([line()]),
      ],
    });
    await chooseDatacenter2022(user);
    await user.click(screen.getByRole('button', { name: 'Get keys and downloads' }));
    await screen.findByRole('region', { name: 'Keys and downloads' });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Get keys and downloads' })).not.toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Get keys and downloads' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot reach its database');
    const result = screen.getByRole('region', { name: 'Keys and downloads' });
    expect(result).toHaveTextContent(KEY);
    expect(within(result).getByRole('textbox', { name: 'Download link' })).toHaveValue(URL);
  });

  it('issue 14: a cancelled line has no Cancel button; a product with nothing to download lists no links', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([
          line({
            id: 'line-azure',
            orderId: 'ORDERAZ00001',
            hasActivationKeys: false,
            product: {
              __typename: 'ProductRef',
              id: 'azure-reserved-vm-instance',
              name: 'Azure Reserved VM Instance',
              kind: 'AZURE_RESERVATION',
            },
            downloadOptions: {
              __typename: 'DownloadOptions',
              versions: [],
              languages: [],
              fileTypes: [],
            },
          }),
          line({
            id: 'line-cancelled',
            orderId: 'ORDERCX00001',
            status: 'CANCELLED',
            quantity: 0,
            cancelledAt: '2026-11-25T10:00:00.000Z',
          }),
        ]),
      ],
    });
    await expand(/Azure Reserved VM Instance/);
    expect(screen.getByText(/has no downloads or activation keys/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Live download links/ })).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Cancel stand-in ORDERAZ00001' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel stand-in ORDERCX00001' })).toBeNull();
  });

  it('C7: every line carries the Cancel button with its customer, product and order; a cancellation reloads the list', async () => {
    const user = userEvent.setup();
    cancelProps.length = 0;
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line()]),
        softwareMock([
          line({ status: 'CANCELLED', quantity: 0, cancelledAt: '2026-11-25T10:00:00.000Z' }),
        ]),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel stand-in ORDERWS00001' }));
    expect(cancelProps.at(-1)).toMatchObject({
      customerId: 'c-1',
      productId: 'windows-server-2022-datacenter',
      productName: 'Windows Server 2022 Datacenter',
      orderId: 'ORDERWS00001',
    });
    expect(await screen.findByText('Cancelled on Nov 25, 2026, 10:00 AM UTC')).toBeInTheDocument();
  });

  it('D1: a customer with no software says so', async () => {
    renderWithProviders(<SoftwareList />, { ...routing, mocks: [softwareMock([])] });
    expect(
      await screen.findByText('No software has been bought for this customer yet.'),
    ).toBeInTheDocument();
  });

  it('E2: a failure to load says what happened and offers to try again', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        {
          request: { query: CustomerSoftwareDocument, variables: { id: 'c-1' } },
          error: new TypeError('Failed to fetch'),
        },
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The portal cannot reach the server.');
    await waitFor(() =>
      expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument(),
    );
  });

  it('issue 14: after Download, the link’s counts are read again once the download has started', async () => {
    const user = userEvent.setup();
    const input = { lineId: 'line-1', version: '2022', language: 'English', fileType: 'ISO (x64)' };
    const listed = (used: number) =>
      line({
        links: [link({ id: 'link-new', downloadsUsed: used, downloadsLeft: 50 - used })],
      });
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line()]),
        keysMock(input, { activationKey: KEY, link: issuedLink }),
        softwareMock([listed(0)]), // read again after Get keys and downloads
        softwareMock([listed(1)]), // read again after Download: the server counted it
      ],
    });
    await chooseDatacenter2022(user);
    await user.click(screen.getByRole('button', { name: 'Get keys and downloads' }));
    const result = await screen.findByRole('region', { name: 'Keys and downloads' });
    const live = await screen.findByRole('region', { name: 'Live download links (1)' });
    await waitFor(() => expect(live).toHaveTextContent('0 of 50 downloads used'));
    expect(result).toHaveTextContent('50 downloads left');

    // jsdom cannot follow the link to the file: the click's default action is stopped.
    const stopNavigation = (event: Event) => event.preventDefault();
    document.addEventListener('click', stopNavigation);
    try {
      await user.click(within(result).getByRole('link', { name: 'Download' }));
      // The server counts the download when the browser requests the file: the list is read
      // ~1.5 s later, not at once (an immediate read would still find the old count).
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(live).toHaveTextContent('0 of 50 downloads used');
      await waitFor(() => expect(live).toHaveTextContent('1 of 50 downloads used'), {
        timeout: 4_000,
      });
    } finally {
      document.removeEventListener('click', stopNavigation);
    }
    expect(result).toHaveTextContent('49 downloads left');
  });

  it('issue 14: back in the window (a download finished in another tab), the link counts are read again', async () => {
    renderWithProviders(<SoftwareList />, {
      ...routing,
      mocks: [
        softwareMock([line({ links: [link()] })]),
        softwareMock([line({ links: [link({ downloadsUsed: 4, downloadsLeft: 46 })] })]),
      ],
    });
    await expand(/Windows Server 2022 Datacenter/);
    const live = screen.getByRole('region', { name: 'Live download links (1)' });
    expect(live).toHaveTextContent('3 of 50 downloads used');

    fireEvent.focus(window);
    await waitFor(() => expect(live).toHaveTextContent('4 of 50 downloads used'));
  });

  describe('issue 14: open or closed by the server’s clock', () => {
    afterEach(() => {
      resetServerClock();
      vi.unstubAllGlobals();
    });

    it('issue 14: a deadline 5 minutes ahead on this browser’s clock shows as closed when the server’s Date header says it is 10 minutes later', async () => {
      const browserNow = Date.now();
      const deadline = new Date(browserNow + 5 * MINUTE).toISOString();
      const later = new Date(browserNow + 30 * MINUTE).toISOString();
      const software = [
        line({ cancellableUntil: deadline }),
        line({ id: 'line-2', orderId: 'ORDERWS00002', cancellableUntil: later }),
      ];
      // The list's own answer, over HTTP, carries the server's time (as every GraphQL answer does).
      const fetchStub = vi.fn(
        async () =>
          new Response(
            JSON.stringify({ data: { customer: { __typename: 'Customer', id: 'c-1', software } } }),
            {
              headers: {
                'content-type': 'application/json',
                date: new Date(browserNow + 10 * MINUTE).toUTCString(),
              },
            },
          ),
      );
      vi.stubGlobal('fetch', fetchStub);
      renderWithProviders(<SoftwareList />, {
        ...routing,
        link: new HttpLink({ uri: 'http://localhost/graphql', fetch: fetchInPageLanguage }),
      });
      const [first, second] = (
        await screen.findAllByRole('heading', { name: /Windows Server/ })
      ).map((heading) => heading.parentElement!.parentElement!);
      expect(fetchStub).toHaveBeenCalled();
      expect(first).toHaveTextContent(`Cancellation windowClosed on`);
      expect(first).not.toHaveTextContent('Open until');
      expect(second).toHaveTextContent('Cancellation windowOpen until');
    });

    it('issue 14: a deadline passed 5 minutes ago on this browser’s clock still shows as open when the server is 10 minutes behind', async () => {
      // The Cancel dialog's precise reading (cancellationOptions.serverTime) is shared with the list.
      recordServerOffset(-10 * MINUTE);
      renderWithProviders(<SoftwareList />, {
        ...routing,
        mocks: [
          softwareMock([
            line({ cancellableUntil: new Date(Date.now() - 5 * MINUTE).toISOString() }),
            line({
              id: 'line-2',
              orderId: 'ORDERWS00002',
              cancellableUntil: new Date(Date.now() - 15 * MINUTE).toISOString(),
            }),
          ]),
        ],
      });
      const [first, second] = (
        await screen.findAllByRole('heading', { name: /Windows Server/ })
      ).map((heading) => heading.parentElement!.parentElement!);
      expect(first).toHaveTextContent('Cancellation windowOpen until');
      expect(second).toHaveTextContent('Cancellation windowClosed on');
    });
  });

  it('issue 14: the Windows 7 ESU line’s subtitle does not repeat the product name, in English or Korean', async () => {
    const esu = line({
      id: 'line-esu',
      orderId: 'ORDERESU0001',
      cancellationPolicy: 'SUPPORT_REQUEST',
      cancellableUntil: null,
      skuName: 'Per device, 2020',
      termYears: null,
      product: {
        __typename: 'ProductRef',
        id: 'windows-7-esu-2020',
        name: 'Windows 7 Extended Security Updates 2020',
        kind: 'WINDOWS_7_ESU',
      },
    });
    for (const language of ['en', 'ko'] as const) {
      const { unmount } = renderWithProviders(<SoftwareList />, {
        ...routing,
        language,
        mocks: [softwareMock([esu, line()])],
      });
      const header = await screen.findByRole('button', { name: /Windows 7 Extended Security/ });
      // The product name once, then the SKU alone: no "· Windows 7 (확장 보안 업데이트|Extended …)".
      expect(header).toHaveTextContent(
        /^Windows 7 Extended Security Updates 2020Per device, 2020$/,
      );
      // Other lines keep their kind after the SKU.
      expect(
        screen.getByRole('button', { name: /Windows Server 2022 Datacenter/ }),
      ).toHaveTextContent(
        language === 'en' ? '16-core pack, 1 year · Server subscription' : '· 서버 구독',
      );
      unmount();
    }
  });
});
