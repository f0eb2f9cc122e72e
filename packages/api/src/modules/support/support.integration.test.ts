import { expect, it } from 'vitest';
import { errorCode, gql } from '../../test-support/client.js';
import { createCustomer, createTenant, createUser } from '../../test-support/factories.js';
import { describeEachEngine, type Harness } from '../../test-support/harness.js';
import { ActivityEntryEntity } from '../activity/activity-entry.entity.js';
import { SupportRequestEntity } from './support-request.entity.js';

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateSupportRequestInput!) {
    createSupportRequest(input: $input) {
      id
      status
      problemType
      title
      amountRequested {
        amountMinor
        currency
      }
      attachments {
        id
        fileName
        size
        url
      }
    }
  }
`;
type Created = {
  createSupportRequest: {
    id: string;
    status: string;
    amountRequested: { amountMinor: number; currency: string } | null;
    attachments: { id: string; fileName: string; url: string }[];
  };
};

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function upload(
  h: Harness,
  token: string,
  fileName: string,
  bytes: Buffer,
  withHeader = true,
) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'x-file-name': encodeURIComponent(fileName),
    'content-type': 'application/octet-stream',
  };
  if (withHeader) headers['x-csp-upload'] = '1';
  return fetch(`${h.url}/files`, { method: 'POST', headers, body: bytes });
}

function refund(customerId: string) {
  return {
    problemType: 'CSP_PURCHASE_REFUND',
    impact: 'MEDIUM',
    title: 'Refund a Windows 7 ESU order',
    customerId,
    productId: 'windows-7-esu-2020',
    tenantOrDomain: 'contoso.onmicrosoft.com',
    orderOrSubscriptionId: 'K7QX2M9D4WZA',
    refundReason: 'The customer bought too many device licences.',
    amountRequested: '150000',
    contactName: 'Min-jun Kim',
    contactEmail: 'minjun@contoso.example',
    contactPhone: '+82 2 1234 5678',
  };
}

describeEachEngine('support requests', (use) => {
  it('S1/S3: a refund request with an attachment gets an id, is listed with its status, and is logged', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db, 'KR');
    const uploaded = await upload(h, admin.token, 'screenshot.png', PNG);
    expect(uploaded.status).toBe(201);
    const { id: attachmentId } = (await uploaded.json()) as { id: string };
    const created = await gql<Created>(
      h.url,
      CREATE,
      { input: { ...refund(customer.id), attachmentIds: [attachmentId] } },
      { token: admin.token },
    );
    expect(created.errors).toBeUndefined();
    const request = created.data!.createSupportRequest;
    expect(request.id).toMatch(/^SR-[0-9A-Z]{10}$/);
    expect(request.status).toBe('SUBMITTED');
    expect(request.amountRequested).toEqual({ amountMinor: 150_000, currency: 'KRW' });
    expect(request.attachments).toEqual([
      {
        id: attachmentId,
        fileName: 'screenshot.png',
        size: PNG.length,
        url: `/files/${attachmentId}`,
      },
    ]);

    const list = await gql<{
      supportRequests: { edges: { node: { id: string; status: string } }[] };
    }>(h.url, '{ supportRequests { edges { node { id status } } } }', {}, { token: admin.token });
    expect(list.data!.supportRequests.edges.map((e) => e.node)).toEqual([
      { id: request.id, status: 'SUBMITTED' },
    ]);

    // S3: paged, newest first, with the total on every page.
    h.clock.advance(60_000);
    const second = (
      await gql<{ createSupportRequest: { id: string } }>(
        h.url,
        CREATE,
        { input: refund(customer.id) },
        { token: admin.token },
      )
    ).data!.createSupportRequest;
    const PAGE =
      'query($after: String) { supportRequests(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    type Page = {
      supportRequests: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string } }[];
      };
    };
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = (await gql<Page>(h.url, PAGE, { after }, { token: admin.token })).data!;
      expect(page.supportRequests.totalCount).toBe(2);
      ids.push(...page.supportRequests.edges.map((e) => e.node.id));
      if (!page.supportRequests.pageInfo.hasNextPage) break;
      after = page.supportRequests.pageInfo.endCursor;
    }
    expect(ids).toEqual([second.id, request.id]);
    const file = await fetch(`${h.url}/files/${attachmentId}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);
    expect(
      await h.db.manager.countBy(ActivityEntryEntity, {
        operation: 'create_support_request',
        resource: `support-request:${request.id}`,
      }),
    ).toBe(1);
  });

  it('S2: every invalid field is reported at once, as codes with params, and nothing is stored', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const file = await upload(h, admin.token, 'screen.png', PNG);
    const attachmentId = ((await file.json()) as { id: string }).id;
    const activityBefore = await h.db.manager.countBy(ActivityEntryEntity, {
      partnerId: admin.user.partnerId,
    });
    const response = await gql(
      h.url,
      CREATE,
      {
        input: {
          ...refund(customer.id),
          title: 'x'.repeat(121),
          contactEmail: 'nope',
          amountRequested: 'lots',
          tenantOrDomain: '',
          refundReason: 'short',
          attachmentIds: [attachmentId],
        },
      },
      { token: admin.token },
    );
    // The top-level code stays BAD_USER_INPUT; each field's error is data, not English text.
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!['field']).toBe('title');
    expect(response.errors![0]!.extensions!['fieldErrors']).toEqual([
      { field: 'title', code: 'TOO_LONG', params: { min: 5, max: 120 } },
      { field: 'contactEmail', code: 'INVALID_EMAIL', params: {} },
      { field: 'tenantOrDomain', code: 'REQUIRED', params: {} },
      { field: 'refundReason', code: 'TOO_SHORT', params: { min: 10, max: 2000 } },
      {
        field: 'amountRequested',
        code: 'INVALID_AMOUNT',
        params: { currency: 'USD', example: '1250.00' },
      },
    ]);
    // Nothing changed: no request, no log entry, and the attachment is still free to use.
    expect(
      await h.db.manager.countBy(SupportRequestEntity, { partnerId: admin.user.partnerId }),
    ).toBe(0);
    expect(
      await h.db.manager.countBy(ActivityEntryEntity, { partnerId: admin.user.partnerId }),
    ).toBe(activityBefore);
    const retried = await gql<Created>(
      h.url,
      CREATE,
      { input: { ...refund(customer.id), attachmentIds: [attachmentId] } },
      { token: admin.token },
    );
    expect(retried.data!.createSupportRequest.attachments.map((a) => a.id)).toEqual([attachmentId]);
  });

  it('S2, E1, E2: with Accept-Language: ko a refused request says so in Korean; the codes stay', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const input = { ...refund(customer.id), title: 'x'.repeat(121), contactEmail: 'nope' };
    const fieldErrors = [
      { field: 'title', code: 'TOO_LONG', params: { min: 5, max: 120 } },
      { field: 'contactEmail', code: 'INVALID_EMAIL', params: {} },
    ];
    const korean = await gql(
      h.url,
      CREATE,
      { input },
      { token: admin.token, language: 'ko-KR,ko;q=0.9,en;q=0.5' },
    );
    expect(korean.errors![0]!.message).toBe(
      '입력 값이 올바르지 않습니다: 2개 항목을 확인하세요(title, contactEmail).',
    );
    expect(korean.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reasonCode: 'FIELDS_NEED_ATTENTION',
      fieldCount: 2,
      fields: ['title', 'contactEmail'],
      field: 'title',
      fieldErrors,
    });
    // No English sentence travels in the extensions; English is the message of the same codes.
    expect(korean.errors![0]!.extensions!['reason']).toBeUndefined();
    const english = await gql(h.url, CREATE, { input }, { token: admin.token });
    expect(english.errors![0]!.message).toBe(
      'Some of the input is not valid: 2 fields need attention (title, contactEmail).',
    );
    expect(english.errors![0]!.extensions).toEqual(korean.errors![0]!.extensions);
  });

  it('S2: more than five attachments are refused on the field with the limit as a param', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db);
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'].map(
      (n) => `00000000-0000-4000-8000-00000000000${n}`,
    );
    const response = await gql(
      h.url,
      CREATE,
      { input: { ...refund(customer.id), attachmentIds: ids } },
      { token: admin.token },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!['fieldErrors']).toEqual([
      { field: 'attachmentIds', code: 'TOO_MANY', params: { max: 5 } },
    ]);
    expect(
      await h.db.manager.countBy(SupportRequestEntity, { partnerId: admin.user.partnerId }),
    ).toBe(0);
  });

  it('R6: a Sales agent cannot submit; a Global admin can', async () => {
    const h = use();
    const { partner, customer } = await createTenant(h.db);
    const sales = await createUser(h.db, partner.id, ['SALES_AGENT']);
    const refused = await gql(
      h.url,
      CREATE,
      { input: refund(customer.id) },
      { token: sales.token },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN_ROLE');
    expect(refused.errors![0]!.extensions!['missingRoles']).toEqual([
      'Admin agent',
      'Global admin',
    ]);
    const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
    expect(
      (await gql(h.url, CREATE, { input: refund(customer.id) }, { token: globalAdmin.token }))
        .errors,
    ).toBeUndefined();
  });

  it('S2: uploads refuse wrong types, disguised files, missing CSRF header and files over 10 MB', async () => {
    const h = use();
    const { admin } = await createTenant(h.db);
    expect((await upload(h, admin.token, 'tool.exe', Buffer.from('MZ'))).status).toBe(400);
    expect((await upload(h, admin.token, 'fake.png', Buffer.from('MZ not a png'))).status).toBe(
      400,
    );
    expect((await upload(h, admin.token, 'notes.txt', Buffer.from('hello'), false)).status).toBe(
      400,
    );
    expect(
      (await upload(h, admin.token, 'big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 'a'))).status,
    ).toBe(413);
    expect((await upload(h, admin.token, '../../etc/notes.txt', Buffer.from('hello'))).status).toBe(
      201,
    );
  });

  it('R8: another partner cannot read, download or attach a partner’s files or requests', async () => {
    const h = use();
    const a = await createTenant(h.db);
    const b = await createTenant(h.db);
    const { id: attachmentId } = (await (
      await upload(h, a.admin.token, 'notes.txt', Buffer.from('private'))
    ).json()) as { id: string };
    const created = await gql<Created>(
      h.url,
      CREATE,
      { input: refund(a.customer.id) },
      { token: a.admin.token },
    );
    const id = created.data!.createSupportRequest.id;
    expect(
      (
        await fetch(`${h.url}/files/${attachmentId}`, {
          headers: { authorization: `Bearer ${b.admin.token}` },
        })
      ).status,
    ).toBe(404);
    expect(
      errorCode(
        await gql(
          h.url,
          'query($id: ID!) { supportRequest(id: $id) { id } }',
          { id },
          { token: b.admin.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      (
        await gql<{ supportRequests: { edges: unknown[] } }>(
          h.url,
          '{ supportRequests { edges { node { id } } } }',
          {},
          { token: b.admin.token },
        )
      ).data!.supportRequests.edges,
    ).toEqual([]);
    const other = await createCustomer(h.db, b.partner.id);
    const steal = await gql(
      h.url,
      CREATE,
      { input: { ...refund(other.id), attachmentIds: [attachmentId] } },
      { token: b.admin.token },
    );
    expect(errorCode(steal)).toBe('NOT_FOUND');
    const foreignCustomer = await gql(
      h.url,
      CREATE,
      { input: refund(a.customer.id) },
      { token: b.admin.token },
    );
    expect(errorCode(foreignCustomer)).toBe('NOT_FOUND');
  });
});
