import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customer, graphQLError, meOf } from '../../test/factories';
import { renderWithProviders } from '../../test/render';
import { ReportProblem } from './ReportProblem';
import {
  CreateSupportRequestDocument,
  SupportCustomerDocument,
  SupportCustomersDocument,
} from './useSupport';

const WWI = customer({
  id: 'c-wwi',
  name: 'Wide World Importers',
  domain: 'wideworldimporters.com',
  tenantId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f12',
  market: 'US',
  currency: 'USD',
});
const HANBIT = customer({
  id: 'c-hanbit',
  name: 'Hanbit Soft',
  domain: 'hanbitsoft.co.kr',
  tenantId: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e04',
  market: 'KR',
  currency: 'KRW',
});

const node = ({ id, name, domain, tenantId, market, currency }: typeof WWI) => ({
  __typename: 'Customer',
  id,
  name,
  domain,
  tenantId,
  market,
  currency,
});

const customersMock = {
  request: { query: SupportCustomersDocument },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        edges: [HANBIT, WWI].map((c) => ({ __typename: 'CustomerEdge', node: node(c) })),
      },
    },
  },
};
const customerMock = (c: typeof WWI) => ({
  request: { query: SupportCustomerDocument, variables: { id: c.id } },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: { data: { customer: node(c) } },
});

/** XMLHttpRequest as the uploads use it, driven by the test. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  aborted = false;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  respond(status: number, body: object) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const ESU_QUERY = new URLSearchParams({
  problemType: 'CSP_PURCHASE_REFUND',
  customerId: WWI.id,
  orderId: 'ORDESU45',
  productId: 'windows-7-esu-2020',
  productName: 'Windows 7 Extended Security Updates 2020',
  tenantOrDomain: WWI.tenantId,
  amount: '2440.00',
}).toString();

function renderForm(route = '/support/new', mocks: object[] = [], me = meOf(['ADMIN_AGENT'])) {
  return renderWithProviders(<ReportProblem />, {
    route,
    path: '/support/new',
    me,
    mocks: [customersMock, customerMock(WWI), ...mocks] as never,
  });
}

const field = (label: string | RegExp) => screen.getByLabelText(label);

async function fillRefund(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(field(/^Impact/), 'HIGH');
  await user.type(field(/^Title/), 'Refund Windows 7 ESU order');
  await user.type(
    field(/^Refund reason/),
    'The customer bought the wrong number of devices and needs a refund.',
  );
  await user.clear(field(/^Phone/));
  await user.type(field(/^Phone/), '+1 425 555 0100');
}

function input(overrides: Record<string, unknown> = {}) {
  return {
    problemType: 'CSP_PURCHASE_REFUND',
    impact: 'HIGH',
    title: 'Refund Windows 7 ESU order',
    customerId: WWI.id,
    productId: 'windows-7-esu-2020',
    tenantOrDomain: WWI.tenantId,
    orderOrSubscriptionId: 'ORDESU45',
    refundReason: 'The customer bought the wrong number of devices and needs a refund.',
    amountRequested: '2440.00',
    details: '',
    contactName: 'Dana Agent',
    contactEmail: 'someone@contoso.example',
    contactPhone: '+1 425 555 0100',
    attachmentIds: [],
    ...overrides,
  };
}

function created(id: string, attachments: object[] = []) {
  return {
    data: {
      createSupportRequest: {
        __typename: 'SupportRequest',
        id,
        title: 'Refund Windows 7 ESU order',
        problemType: 'CSP_PURCHASE_REFUND',
        impact: 'HIGH',
        status: 'SUBMITTED',
        createdAt: '2026-11-24T03:00:00.000Z',
        orderOrSubscriptionId: 'ORDESU45',
        attachments,
      },
    },
  };
}

describe('Report a problem', () => {
  it('S1: from the Cancel dialog’s link, problem type, customer, order, product, tenant and amount are filled in', async () => {
    renderForm(`/support/new?${ESU_QUERY}`);
    expect(screen.getByRole('heading', { name: 'Report a problem' })).toBeInTheDocument();
    expect(field(/^Type of problem/)).toHaveValue('CSP_PURCHASE_REFUND');
    expect(
      within(field(/^Type of problem/)).getByRole('option', { selected: true }),
    ).toHaveTextContent('CSP Purchase/Refund on behalf of customers');
    await waitFor(() => expect(field('Customer')).toHaveValue(WWI.id));
    expect(field(/^Customer tenant GUID or domain name/)).toHaveValue(WWI.tenantId);
    expect(field(/^Order ID or subscription ID/)).toHaveValue('ORDESU45');
    expect(field(/^Amount requested \(USD\)/)).toHaveValue('2440.00');
    expect(screen.getByText('Windows 7 Extended Security Updates 2020')).toBeInTheDocument();
    // The signed-in user is the contact, editable.
    expect(field(/^Name/)).toHaveValue('Dana Agent');
    expect(field(/^E-mail/)).toHaveValue('someone@contoso.example');
  });

  it('S2: Submit shows every field’s message at once, beside it, and focuses the first; nothing typed is lost', async () => {
    const user = userEvent.setup();
    renderForm('/support/new');
    // Nothing is checked on blur: no message appears (and moves the page) before Submit.
    await user.type(field(/^Title/), 'Help');
    await user.tab();
    expect(field(/^Title/)).not.toHaveAccessibleDescription(expect.stringContaining('Enter'));

    await user.clear(field(/^E-mail/));
    await user.type(field(/^E-mail/), 'dana@');
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    // On submit: every field that needs attention, each message beside its field, its numbers
    // the domain's (5 to 120) in the user's format.
    expect(screen.getByText(/fields need attention/).closest('[role="alert"]')).not.toBeNull();
    expect(field(/^Type of problem/)).toHaveAccessibleDescription('Choose the type of problem.');
    expect(field(/^Impact/)).toHaveAccessibleDescription('Choose the impact.');
    expect(field(/^Title/)).toHaveAccessibleDescription(
      expect.stringContaining('Enter 5 to 120 characters.'),
    );
    expect(field(/^More details/)).toHaveAccessibleDescription('Fill in this field.');
    expect(field(/^E-mail/)).toHaveAccessibleDescription(
      'Enter an e-mail address like name@example.com.',
    );
    expect(field(/^Phone/)).toHaveAccessibleDescription('Fill in this field.');
    // The first field that needs attention has the focus; what was typed is still there.
    expect(field(/^Type of problem/)).toHaveFocus();
    expect(field(/^Title/)).toHaveValue('Help');
    expect(field(/^E-mail/)).toHaveValue('dana@');

    // After Submit the messages follow the typing. Refund requests need the refund fields; the
    // amount is checked in the customer's currency.
    await user.selectOptions(field(/^Type of problem/), 'CSP_PURCHASE_REFUND');
    expect(field(/^Type of problem/)).not.toHaveAccessibleDescription(
      'Choose the type of problem.',
    );
    await user.selectOptions(field('Customer'), HANBIT.id);
    await user.type(field(/^Amount requested \(KRW\)/), '12.50');
    expect(field(/^Amount requested \(KRW\)/)).toHaveAccessibleDescription(
      expect.stringContaining(
        'Enter the amount requested in KRW with digits and a "." before the decimals, e.g. 150000.',
      ),
    );
    await user.type(field(/^Refund reason/), 'Too short');
    expect(field(/^Refund reason/)).toHaveAccessibleDescription('Enter 10 to 2,000 characters.');
    // Choosing the customer filled in its tenant.
    expect(field(/^Customer tenant GUID or domain name/)).toHaveValue(HANBIT.tenantId);
  });

  it('S2 (issue 14): an invalid phone and a click on Submit: the click lands, and the empty Impact, Title and Refund reason are flagged too', async () => {
    const user = userEvent.setup();
    renderForm(`/support/new?${ESU_QUERY}`);
    await waitFor(() => expect(field('Customer')).toHaveValue(WWI.id));
    await user.type(field(/^Phone/), '12');
    // Leaving the phone field for the button shows nothing yet: no message to push the button
    // away between the press and the click.
    await user.tab();
    expect(field(/^Phone/)).not.toHaveAccessibleDescription(expect.stringContaining('phone'));
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      screen.getByText('4 fields need attention: see the messages beside them.'),
    ).toBeInTheDocument();
    expect(field(/^Impact/)).toHaveAccessibleDescription('Choose the impact.');
    expect(field(/^Title/)).toHaveAccessibleDescription(
      expect.stringContaining('Fill in this field.'),
    );
    expect(field(/^Refund reason/)).toHaveAccessibleDescription('Fill in this field.');
    expect(field(/^Phone/)).toHaveAccessibleDescription(
      'Enter a phone number, e.g. +82 2 1234 5678.',
    );
    expect(field(/^Impact/)).toHaveFocus();
  });

  it('E1, S2: the messages beside the fields are Korean in Korean', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ReportProblem />, {
      route: '/support/new',
      path: '/support/new',
      language: 'ko',
      mocks: [customersMock] as never,
    });
    await user.click(screen.getByRole('button', { name: '제출' }));
    expect(screen.getByLabelText(/^영향/)).toHaveAccessibleDescription('영향을 선택하세요.');
    expect(screen.getByLabelText(/^문제 유형/)).toHaveAccessibleDescription(
      '문제 유형을 선택하세요.',
    );
  });

  it('S2, E2: a refusal from the server keeps everything typed and shows its field messages beside the fields', async () => {
    const user = userEvent.setup();
    const refusal = {
      request: { query: CreateSupportRequestDocument, variables: { input: input() } },
      result: graphQLError('BAD_USER_INPUT', {
        reasonCode: 'FIELDS_NEED_ATTENTION',
        fieldCount: 1,
        fields: ['orderOrSubscriptionId'],
        field: 'orderOrSubscriptionId',
        fieldErrors: [{ field: 'orderOrSubscriptionId', code: 'INVALID_REFERENCE', params: {} }],
      }),
    };
    renderForm(`/support/new?${ESU_QUERY}`, [refusal]);
    await waitFor(() => expect(field('Customer')).toHaveValue(WWI.id));
    await fillRefund(user);
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    const alert = (await screen.findByText('The request was not submitted')).closest(
      '[role="alert"]',
    )!;
    expect(alert).toHaveTextContent('The request was not submitted');
    expect(alert).toHaveTextContent(
      'Some of the input is not valid: One field needs attention: see the message beside it.',
    );
    expect(alert).toHaveTextContent('Everything you typed is kept');
    expect(field(/^Order ID or subscription ID/)).toHaveAccessibleDescription(
      'Enter the order ID or subscription ID.',
    );
    expect(field(/^Title/)).toHaveValue('Refund Windows 7 ESU order');
    expect(field(/^Refund reason/)).toHaveValue(
      'The customer bought the wrong number of devices and needs a refund.',
    );
    expect(field(/^Impact/)).toHaveValue('HIGH');
    expect(field(/^Phone/)).toHaveValue('+1 425 555 0100');
  });

  it('S2, S3: Add files uploads each file with a progress bar; Submit confirms with the request id and status', async () => {
    const user = userEvent.setup();
    const success = {
      request: {
        query: CreateSupportRequestDocument,
        variables: { input: input({ attachmentIds: ['att-1'] }) },
      },
      result: created('SR-7KQ2M9D4WZ', [
        {
          __typename: 'Attachment',
          id: 'att-1',
          fileName: 'invoice.pdf',
          size: 2048,
          url: '/files/att-1',
        },
      ]),
    };
    renderForm(`/support/new?${ESU_QUERY}`, [success]);
    await waitFor(() => expect(field('Customer')).toHaveValue(WWI.id));
    await fillRefund(user);

    const file = new File(['%PDF-1.7 ...'.padEnd(2048, ' ')], 'invoice.pdf', {
      type: 'application/pdf',
    });
    fireEvent.change(field('Add files'), { target: { files: [file] } });
    const xhr = FakeXhr.sent[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/files');
    expect(xhr.headers).toMatchObject({ 'X-CSP-Upload': '1', 'X-File-Name': 'invoice.pdf' });
    expect(xhr.body).toBe(file);

    xhr.progress(1024, 2048);
    const bar = screen.getByRole('progressbar', { name: 'Uploading invoice.pdf: 50 %' });
    expect(bar).toBeInTheDocument();
    // Submit waits for the upload.
    expect(screen.getByRole('button', { name: 'Submit' })).toHaveAttribute('aria-disabled', 'true');
    xhr.respond(201, {
      id: 'att-1',
      fileName: 'invoice.pdf',
      size: 2048,
      contentType: 'application/pdf',
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('Uploaded')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const done = await screen.findByRole('status', {
      name: 'Support request SR-7KQ2M9D4WZ was submitted',
    });
    expect(done).toHaveTextContent('Request IDSR-7KQ2M9D4WZ');
    expect(done).toHaveTextContent('StatusSubmitted');
    expect(done).toHaveTextContent('invoice.pdf');
    expect(within(done).getByRole('link', { name: 'View your support requests' })).toHaveAttribute(
      'href',
      '/support',
    );
  });

  it('S2: files are checked before upload; a refused one is never sent and can be removed', async () => {
    const user = userEvent.setup();
    renderForm('/support/new');
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'dump.zip', {
      type: 'application/zip',
    });
    fireEvent.change(field('Add files'), { target: { files: [exe, big] } });
    expect(FakeXhr.sent).toHaveLength(0);
    const files = screen.getByRole('list', { name: 'Files to attach' });
    expect(files).toHaveTextContent('setup.exe');
    expect(files).toHaveTextContent(
      'Attach only these types of file: PDF, PNG, JPG, TXT, LOG, CSV, ZIP.',
    );
    expect(files).toHaveTextContent('Each file must be under 10 MB.');
    await user.click(screen.getByRole('button', { name: 'Remove setup.exe' }));
    expect(files).not.toHaveTextContent('setup.exe');

    // A refusal from POST /files says why; removing an upload in flight aborts it.
    const log = new File(['line 1'], 'app.log', { type: 'text/plain' });
    fireEvent.change(field('Add files'), { target: { files: [log] } });
    FakeXhr.sent[0]!.respond(400, {
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'attachments', code: 'FILE_CONTENT', params: { contentType: 'text/plain' } },
      ],
    });
    expect(files).toHaveTextContent('The file does not look like a text/plain file.');
    const csv = new File(['a,b'], 'list.csv', { type: 'text/csv' });
    fireEvent.change(field('Add files'), { target: { files: [csv] } });
    await user.click(screen.getByRole('button', { name: 'Remove list.csv' }));
    expect(FakeXhr.sent[1]!.aborted).toBe(true);
  });

  it('S2 (issue 14): a file that cannot be attached blocks Submit, with a message, until removed', async () => {
    const user = userEvent.setup();
    const success = {
      request: { query: CreateSupportRequestDocument, variables: { input: input() } },
      result: created('SR-8NOFILES1'),
    };
    renderForm(`/support/new?${ESU_QUERY}`, [success]);
    await waitFor(() => expect(field('Customer')).toHaveValue(WWI.id));
    await fillRefund(user);
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' });
    fireEvent.change(field('Add files'), { target: { files: [exe] } });

    await user.click(screen.getByRole('button', { name: 'Submit' }));
    // Not sent: no confirmation, no server failure; the files section says what to do.
    expect(
      screen.getByText('One field needs attention: see the message beside it.'),
    ).toBeInTheDocument();
    const addFiles = screen.getByRole('button', { name: 'Add files' });
    expect(addFiles).toHaveFocus();
    expect(addFiles).toHaveAccessibleDescription(
      expect.stringContaining('Remove the files that cannot be attached'),
    );
    expect(screen.queryByText('The request was not submitted')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove setup.exe' }));
    expect(screen.queryByText(/Remove the files that cannot be attached/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(
      await screen.findByRole('status', { name: 'Support request SR-8NOFILES1 was submitted' }),
    ).toBeInTheDocument();
  });

  it('E1, S2: a refusal’s field errors are worded in Korean in Korean', async () => {
    const user = userEvent.setup();
    const refusal = {
      request: { query: CreateSupportRequestDocument, variables: { input: input() } },
      result: graphQLError('BAD_USER_INPUT', {
        reasonCode: 'FIELDS_NEED_ATTENTION',
        fieldCount: 1,
        fields: ['title'],
        field: 'title',
        fieldErrors: [{ field: 'title', code: 'TOO_LONG', params: { min: 5, max: 120 } }],
      }),
    };
    renderWithProviders(<ReportProblem />, {
      route: `/support/new?${ESU_QUERY}`,
      path: '/support/new',
      language: 'ko',
      mocks: [customersMock, customerMock(WWI), refusal] as never,
    });
    await waitFor(() => expect(screen.getByLabelText('고객')).toHaveValue(WWI.id));
    await user.selectOptions(screen.getByLabelText(/^영향/), 'HIGH');
    await user.type(screen.getByLabelText(/^제목/), 'Refund Windows 7 ESU order');
    await user.type(
      screen.getByLabelText(/^환불 이유/),
      'The customer bought the wrong number of devices and needs a refund.',
    );
    await user.type(screen.getByLabelText(/^전화/), '+1 425 555 0100');
    await user.click(screen.getByRole('button', { name: '제출' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^제목/)).toHaveAccessibleDescription(
        expect.stringContaining('120자 이하로 입력하세요.'),
      ),
    );
  });

  it('R6, R9: a user who may not submit is told at the top, before filling anything', () => {
    renderForm('/support/new', [], meOf(['SALES_AGENT']));
    const notice = screen.getByText('Your role cannot submit support requests.');
    // Above the form's first field in the page order.
    expect(
      notice.compareDocumentPosition(field(/^Type of problem/)) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('R6, R9: a user who may not submit sees Submit and Add files disabled with the missing roles', () => {
    renderForm('/support/new', [], meOf(['SALES_AGENT']));
    const submit = screen.getByRole('button', { name: 'Submit' });
    expect(submit).toHaveAttribute('aria-disabled', 'true');
    expect(submit).toHaveAccessibleDescription(
      'Needs one of these roles: Admin agent, Global admin',
    );
    // Uploading is refused to them too, so Add files says so rather than failing later.
    expect(screen.getByRole('button', { name: 'Add files' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
