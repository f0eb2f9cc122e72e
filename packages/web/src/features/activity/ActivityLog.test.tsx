import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Header } from '../../app/Header';
import { meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { ActivityLog } from './ActivityLog';
import { ActivityCustomersDocument, ActivityLogDocument } from './useActivityLog';

const DEFAULT_OPERATIONS = ['get_software_key', 'get_software_download_link', 'download_software'];
const ALL_OPERATIONS = [
  ...DEFAULT_OPERATIONS,
  'create_order',
  'cancel_order',
  'create_support_request',
];

// Today is 22 Nov 2026 in the user's zone (TZ=UTC in the unit tests).
const LAST_30_DAYS = { from: '2026-10-24T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' };

function entry(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ActivityEntry',
    id,
    at: '2026-11-20T09:15:30.000Z',
    operation: 'get_software_key',
    outcome: 'SUCCEEDED',
    failureCode: null,
    userEmail: 'admin.agent@contoso.example',
    remoteAddress: null,
    userAgent: null,
    resource: 'order-line:line-1',
    productName: 'Windows Server 2022 Datacenter',
    detail: null,
    detailCode: null,
    detailParams: [],
    count: 1,
    customer: { __typename: 'Customer', id: 'c-wwi', name: 'Wide World Importers' },
    ...overrides,
  };
}

function logMock(
  variables: Record<string, unknown>,
  entries: unknown[],
  { hasNextPage = false, endCursor = null as string | null, totalCount = entries.length } = {},
) {
  return {
    request: {
      query: ActivityLogDocument,
      variables: {
        ...LAST_30_DAYS,
        operationTypes: DEFAULT_OPERATIONS,
        customerId: null,
        first: 50,
        after: null,
        ...variables,
      },
    },
    result: {
      data: {
        activityLog: {
          __typename: 'ActivityConnection',
          csvUrl: `/activity-log.csv?for=${String(variables['after'] ?? 'first')}`,
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
          edges: entries.map((node) => ({
            __typename: 'ActivityEdge',
            cursor: `cursor-${(node as { id: string }).id}`,
            node,
          })),
        },
      },
    },
  };
}

function customersMock(search: string | null, names: [string, string, string][]) {
  return {
    request: { query: ActivityCustomersDocument, variables: { search, first: 20 } },
    result: {
      data: {
        customers: {
          __typename: 'CustomerConnection',
          edges: names.map(([id, name, domain]) => ({
            __typename: 'CustomerEdge',
            node: { __typename: 'Customer', id, name, domain },
          })),
        },
      },
    },
    maxUsageCount: 5,
  };
}

const allCustomers = customersMock(null, [
  ['c-fourth', 'Fourth Coffee', 'fourthcoffee.com'],
  ['c-wwi', 'Wide World Importers', 'wideworldimporters.com'],
]);
const globalAdmin = meOf(['GLOBAL_ADMIN']);

/** The log as a Global admin opens it (last 30 days, default operations), showing `entries`. */
function renderLog(entries: unknown[], language: 'en' | 'ko' = 'en') {
  renderWithProviders(<ActivityLog />, {
    me: globalAdmin,
    language,
    mocks: [allCustomers, logMock({}, entries)],
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T15:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Activity log', () => {
  it('A2: by default shows key access and downloads of the last 30 days, today included', async () => {
    renderLog([
      entry('e-1'),
      entry('e-2', {
        operation: 'download_software',
        userEmail: null,
        remoteAddress: '203.0.113.7',
        at: '2026-11-20T10:00:00.000Z',
        detail: 'issued by admin.agent@contoso.example; 2022 · English · ISO (x64)',
      }),
    ]);
    expect(screen.getByRole('heading', { name: 'Activity log', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveValue('2026-10-24');
    expect(screen.getByLabelText('To')).toHaveValue('2026-11-22');
    expect(screen.getByRole('button', { name: 'Key access and downloads' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('checkbox', { name: 'Accessed activation key' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Placed order' })).not.toBeChecked();

    const key = await screen.findByRole('row', { name: /Accessed activation key/ });
    expect(key).toHaveTextContent('Nov 20, 2026, 09:15:30 AM UTC');
    expect(key).toHaveTextContent('admin.agent@contoso.example');
    expect(key).toHaveTextContent('Wide World Importers');
    expect(key).toHaveTextContent('Windows Server 2022 Datacenter');
    expect(key).toHaveTextContent('Succeeded');
    const download = screen.getByRole('row', { name: /Downloaded software/ });
    expect(download).toHaveTextContent('Link holder (203.0.113.7)');
    expect(download).toHaveTextContent('2022 · English · ISO (x64)');
    expect(screen.getByText('2 entries on page 1')).toBeInTheDocument();
  });

  it('A2: widening the view to every operation type asks for all of them', async () => {
    const user = userEvent.setup();
    const placedOrder = entry('e-3', {
      operation: 'create_order',
      resource: 'order:ORDER1',
      productName: null,
    });
    renderWithProviders(<ActivityLog />, {
      me: globalAdmin,
      mocks: [
        allCustomers,
        logMock({}, [entry('e-1')]),
        logMock({ operationTypes: ALL_OPERATIONS }, [entry('e-1'), placedOrder]),
        // Each untick asks again: the three sets on the way, then the one the test checks.
        ...[
          [
            'get_software_key',
            'download_software',
            'create_order',
            'cancel_order',
            'create_support_request',
          ],
          ['get_software_key', 'create_order', 'cancel_order', 'create_support_request'],
          ['get_software_key', 'create_order', 'create_support_request'],
        ].map((operationTypes) => logMock({ operationTypes }, [entry('e-1'), placedOrder])),
        logMock({ operationTypes: ['get_software_key', 'create_order'] }, [placedOrder]),
      ],
    });
    await screen.findByRole('row', { name: /Accessed activation key/ });
    await user.click(screen.getByRole('button', { name: 'All operations' }));
    expect(await screen.findByRole('row', { name: /Placed order/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'All operations' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (const label of ['Cancelled purchase', 'Submitted support request', 'Placed order'])
      expect(screen.getByRole('checkbox', { name: label })).toBeChecked();

    // Any mix of operations, sent in the catalog's order.
    for (const label of [
      'Issued download link',
      'Downloaded software',
      'Cancelled purchase',
      'Submitted support request',
    ])
      await user.click(screen.getByRole('checkbox', { name: label }));
    expect(await screen.findByText('1 entry on page 1')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Placed order/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Accessed activation key/ })).not.toBeInTheDocument();
  });

  it('A2: no operation ticked asks nothing and says to choose one', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ActivityLog />, {
      me: globalAdmin,
      mocks: [
        allCustomers,
        logMock({}, [entry('e-1')]),
        // The two unticks on the way to none each ask for what is left.
        logMock({ operationTypes: ['get_software_download_link', 'download_software'] }, []),
        logMock({ operationTypes: ['download_software'] }, []),
      ],
    });
    await screen.findByRole('row', { name: /Accessed activation key/ });
    for (const label of ['Accessed activation key', 'Issued download link', 'Downloaded software'])
      await user.click(screen.getByRole('checkbox', { name: label }));
    expect(screen.getByText('Choose at least one operation.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('A2: filters by a customer picked by search', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ActivityLog />, {
      me: globalAdmin,
      mocks: [
        allCustomers,
        customersMock('Wide', [['c-wwi', 'Wide World Importers', 'wideworldimporters.com']]),
        logMock({}, [entry('e-1'), entry('e-4', { customer: null, productName: null })]),
        logMock({ customerId: 'c-wwi' }, [entry('e-1')]),
      ],
    });
    await screen.findByText('2 entries on page 1');
    const picker = screen.getByRole('combobox', { name: /Customer/ });
    // One input event: typed key by key, a slow machine lets the debounce ask for "W", "Wi"…
    await user.click(picker);
    await user.paste('Wide');
    // Wait for the search's answer: until then the open list still shows every customer, and a
    // click on that list is lost when the answer replaces it.
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'All customers',
        'Wide World Importers (wideworldimporters.com)',
      ]),
    );
    await user.click(screen.getByRole('option', { name: /Wide World Importers/ }));
    expect(await screen.findByText('1 entry on page 1')).toBeInTheDocument();
    expect(picker).toHaveValue('Wide World Importers');
  });

  it('A2: the days entered are both included, in the user’s zone: from its first midnight to the midnight after the last day', async () => {
    renderWithProviders(<ActivityLog />, {
      me: globalAdmin,
      mocks: [
        allCustomers,
        logMock({}, [entry('e-1')]),
        logMock({ from: '2026-11-01T00:00:00.000Z' }, [entry('e-1'), entry('e-5')]),
        logMock({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' }, [
          entry('e-5', { at: '2026-11-03T23:59:59.000Z' }),
        ]),
      ],
    });
    await screen.findByText('1 entry on page 1');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    await screen.findByText('2 entries on page 1');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-03' } });
    const row = await screen.findByRole('row', { name: /Nov 3, 2026, 11:59:59 PM UTC/ });
    expect(row).toBeInTheDocument();
    expect(screen.getByText(/both the first and the last day are included/)).toHaveTextContent(
      'Days are in your time zone (UTC)',
    );
  });

  it('A2, E2: a last day before the first one is explained and asks nothing', async () => {
    renderLog([entry('e-1')]);
    await screen.findByText('1 entry on page 1');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-01' } });
    expect(screen.getByText('The last day must be on or after the first day.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('A4: pages by cursor and exports the current filter as CSV', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ActivityLog />, {
      me: globalAdmin,
      mocks: [
        allCustomers,
        // 51 entries: 50 on the first page, one on the second.
        logMock({}, [entry('e-1')], { hasNextPage: true, endCursor: 'cursor-e-1', totalCount: 51 }),
        logMock({ after: 'cursor-e-1' }, [entry('e-0', { productName: 'Older product' })], {
          totalCount: 51,
        }),
        // Back on page 1 the cached page shows and is asked again (cache-and-network): an entry
        // logged meanwhile appears.
        logMock({}, [entry('e-2', { productName: 'Newer product' }), entry('e-1')], {
          hasNextPage: true,
          endCursor: 'cursor-e-1',
          totalCount: 52,
        }),
      ],
    });
    await screen.findByText('1 entry on page 1');
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    // The file's times are in the zone the screen shows, its header in the screen's language.
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `/activity-log.csv?for=first&tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}&lang=en`,
    );
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('row', { name: /Older product/ })).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByRole('row', { name: /Newer product/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Windows Server 2022/ })).toBeInTheDocument();
  });

  it('A1: a failed attempt shows its reason in words, in English and Korean (issue 14)', async () => {
    renderLog([
      entry('e-6', {
        operation: 'download_software',
        outcome: 'FAILED',
        failureCode: 'LINK_EXHAUSTED',
        userEmail: null,
        remoteAddress: '198.51.100.4',
      }),
    ]);
    const row = await screen.findByRole('row', { name: /Downloaded software/ });
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('Download limit reached');
    expect(row).not.toHaveTextContent('LINK_EXHAUSTED');
    expect(row).toHaveTextContent('Link holder (198.51.100.4)');
  });

  it('A1: the reason of a refusal is translated in Korean, unknown codes say "refused"', async () => {
    renderLog(
      [
        entry('e-7', { outcome: 'FAILED', failureCode: 'LINK_REVOKED' }),
        entry('e-8', { outcome: 'FAILED', failureCode: 'SOMETHING_NEW' }),
      ],
      'ko',
    );
    await screen.findByText('링크 해지(구매 취소)');
    expect(screen.getByText('거부됨')).toBeInTheDocument();
    expect(screen.queryByText('LINK_REVOKED')).not.toBeInTheDocument();
  });

  it('A1, S3, E1: a support request’s entry names its problem type as Report a problem does, in Korean', async () => {
    const param = (name: string, value: string) => ({
      __typename: 'ActivityDetailParam',
      name,
      value,
    });
    renderLog(
      [
        entry('e-9', {
          operation: 'create_support_request',
          resource: 'support-request:r-1',
          productName: null,
          detail: 'BILLING: Invoice question',
          detailCode: 'SUPPORT_REQUEST',
          detailParams: [param('problemType', 'BILLING'), param('title', 'Invoice question')],
        }),
      ],
      'ko',
    );
    const row = await screen.findByRole('row', { name: /지원 요청 제출/ });
    expect(row).toHaveTextContent('청구 및 청구서: Invoice question');
    expect(row).not.toHaveTextContent('BILLING');
  });

  it('R4, R9: a Helpdesk agent sees the page, told its role cannot view it and which roles can', () => {
    renderWithProviders(<ActivityLog />, { me: meOf(['HELPDESK_AGENT']), mocks: [] });
    expect(screen.getByRole('heading', { name: 'Activity log', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Your role cannot view the activity log')).toBeInTheDocument();
    expect(screen.getByText('Your roles: Helpdesk agent.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Needs one of these roles: Global admin, Account admin, Referral admin, Marketing content admin',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('From')).not.toBeInTheDocument();
  });

  it('R4, E1: in Korean, the refusal and the roles are Korean', () => {
    renderWithProviders(<ActivityLog />, {
      me: meOf(['ADMIN_AGENT']),
      language: 'ko',
      mocks: [],
    });
    expect(screen.getByRole('heading', { name: '활동 로그', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('현재 역할로는 활동 로그를 볼 수 없습니다')).toBeInTheDocument();
    expect(
      screen.getByText(/전역 관리자, 계정 관리자, 추천 관리자, 마케팅 콘텐츠 관리자/),
    ).toBeInTheDocument();
  });

  it('A2: the gear menu offers Activity log, for every role', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Header />, { me: meOf(['HELPDESK_AGENT']) });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Activity log' }));
    expect(screen.getByTestId('location')).toHaveTextContent('/activity-log');
  });

  it('E1: operation labels and outcomes in Korean', async () => {
    renderLog([entry('e-1')], 'ko');
    const row = await screen.findByRole('row', { name: /정품 인증 키 조회/ });
    expect(row).toHaveTextContent('성공');
    expect(row).toHaveTextContent(/2026년 11월 20일 .*15분 30초 UTC/);
  });
});
