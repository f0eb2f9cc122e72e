import { expect, it } from 'vitest';
import { errorCode, gql } from '../../test-support/client.js';
import { createTenant } from '../../test-support/factories.js';
import { describeEachEngine } from '../../test-support/harness.js';
import { SupportRequestEntity } from './support-request.entity.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateSupportRequestInput!) {
    createSupportRequest(input: $input) {
      amountRequested {
        amountMinor
        currency
      }
    }
  }
`;

const refund = (customerId: string, amountRequested: string) => ({
  problemType: 'CSP_PURCHASE_REFUND',
  impact: 'MEDIUM',
  title: 'Refund a server subscription',
  customerId,
  productId: 'windows-server-2022-datacenter',
  tenantOrDomain: 'contoso.onmicrosoft.com',
  orderOrSubscriptionId: 'K7QX2M9D4WZA',
  refundReason: 'The customer bought too many licences.',
  amountRequested,
  contactName: 'Pat Doe',
  contactEmail: 'pat@contoso.example',
  contactPhone: '+1 425 555 0100',
});

describeEachEngine('amounts the API reads', (use) => {
  it('E4: "12,50", "1,2,3,4" and other ambiguous amounts are refused on the field; "12.50" is 12.50', async () => {
    const h = use();
    const { admin, customer } = await createTenant(h.db, 'US');
    for (const amount of ['12,50', '1,2,3,4', '1,250.00', '1.250,00', '12.505', '1e3', ' .5']) {
      const response = await gql(
        h.url,
        CREATE,
        { input: refund(customer.id, amount) },
        { token: admin.token },
      );
      expect(errorCode(response), amount).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.extensions!['field'], amount).toBe('amountRequested');
    }
    expect(
      await h.db.manager.countBy(SupportRequestEntity, { partnerId: admin.user.partnerId }),
    ).toBe(0);

    const accepted = await gql<{
      createSupportRequest: { amountRequested: { amountMinor: number; currency: string } };
    }>(h.url, CREATE, { input: refund(customer.id, '12.50') }, { token: admin.token });
    expect(accepted.data?.createSupportRequest.amountRequested).toEqual({
      amountMinor: 1250,
      currency: 'USD',
    });
  });
});
