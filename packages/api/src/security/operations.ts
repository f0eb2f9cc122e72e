import type { Action } from '@csp/domain';
import type { PartnerObjects } from './fixtures.js';

/**
 * Every GraphQL operation, the permission that guards it (from the domain's table) and a valid
 * call against a partner's objects. The matrices check this list covers the whole schema, so a
 * new operation fails the suites until it is added here.
 */
export interface OperationCase {
  guard: Action | 'PUBLIC' | 'SIGNED_IN';
  call: (o: PartnerObjects) => { query: string; variables: Record<string, unknown> };
}

const refund = (o: PartnerObjects) => ({
  problemType: 'CSP_PURCHASE_REFUND',
  impact: 'MEDIUM',
  title: 'Refund request from the matrix',
  customerId: o.customerId,
  tenantOrDomain: 'contoso.onmicrosoft.com',
  orderOrSubscriptionId: o.orderId,
  refundReason: 'Bought by mistake, please refund.',
  amountRequested: '100.00',
  contactName: 'Matrix Tester',
  contactEmail: 'matrix@example.test',
  contactPhone: '+1 425 555 0100',
});

export const OPERATIONS: Record<string, OperationCase> = {
  me: { guard: 'SIGNED_IN', call: () => ({ query: '{ me { id roles } }', variables: {} }) },
  customers: {
    guard: 'READ_PARTNER_DATA',
    call: () => ({ query: '{ customers { edges { node { id name } } } }', variables: {} }),
  },
  customer: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query: 'query($id: ID!) { customer(id: $id) { id name software { id } orders { id } } }',
      variables: { id: o.customerId },
    }),
  },
  catalog: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query: 'query($customerId: ID!) { catalog(customerId: $customerId) { id } }',
      variables: { customerId: o.customerId },
    }),
  },
  order: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query: 'query($id: ID!) { order(id: $id) { id } }',
      variables: { id: o.spareOrderId },
    }),
  },
  invoices: {
    guard: 'READ_PARTNER_DATA',
    call: () => ({
      query: '{ invoices { edges { node { id lines(first: 20) { orderId } } } } }',
      variables: {},
    }),
  },
  invoice: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query: 'query($id: ID!) { invoice(id: $id) { id } }',
      variables: { id: o.invoiceId },
    }),
  },
  activityLog: {
    guard: 'VIEW_ACTIVITY_LOG',
    call: (o) => ({
      query:
        'query($from: DateTimeISO!, $to: DateTimeISO!, $customerId: ID) { activityLog(from: $from, to: $to, customerId: $customerId) { edges { node { id resource } } } }',
      variables: {
        from: '2026-01-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        customerId: o.customerId,
      },
    }),
  },
  cancellationOptions: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query:
        'query($customerId: ID!, $productId: ID!) { cancellationOptions(customerId: $customerId, productId: $productId) { orders { order { id } } } }',
      variables: { customerId: o.customerId, productId: o.productId },
    }),
  },
  supportRequests: {
    guard: 'READ_PARTNER_DATA',
    call: () => ({ query: '{ supportRequests { edges { node { id title } } } }', variables: {} }),
  },
  supportRequest: {
    guard: 'READ_PARTNER_DATA',
    call: (o) => ({
      query: 'query($id: ID!) { supportRequest(id: $id) { id } }',
      variables: { id: o.supportRequestId },
    }),
  },
  signIn: {
    guard: 'PUBLIC',
    call: () => ({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email: 'nobody@example.test', password: 'wrong password' } },
    }),
  },
  signOut: { guard: 'SIGNED_IN', call: () => ({ query: 'mutation { signOut }', variables: {} }) },
  placeOrder: {
    guard: 'BUY_SOFTWARE',
    call: (o) => ({
      query: 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      variables: {
        input: {
          customerId: o.customerId,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ skuId: 'sql-server-2022-standard:1y', quantity: 1 }],
        },
      },
    }),
  },
  getKeysAndDownloads: {
    guard: 'GET_KEYS_AND_DOWNLOADS',
    call: (o) => ({
      query:
        'mutation($input: GetKeysAndDownloadsInput!) { getKeysAndDownloads(input: $input) { activationKey } }',
      variables: {
        input: { lineId: o.lineId, version: '2022', language: 'English', fileType: 'ISO (x64)' },
      },
    }),
  },
  cancelPurchase: {
    guard: 'CANCEL_PURCHASE',
    call: (o) => ({
      query:
        'mutation($input: CancelPurchaseInput!) { cancelPurchase(input: $input) { order { id } } }',
      variables: {
        input: {
          customerId: o.customerId,
          orderId: o.orderId,
          productId: o.productId,
          acknowledged: true,
        },
      },
    }),
  },
  cancellationsClosingSoon: {
    guard: 'CANCEL_PURCHASE',
    call: () => ({
      query:
        '{ cancellationsClosingSoon { totalCount edges { node { orderId customer { id } } } } }',
      variables: {},
    }),
  },
  webhookEndpoints: {
    guard: 'MANAGE_WEBHOOKS',
    call: () => ({ query: '{ webhookEndpoints { id url events } }', variables: {} }),
  },
  webhookDeliveries: {
    guard: 'MANAGE_WEBHOOKS',
    call: (o) => ({
      query:
        'query($e: ID!) { webhookDeliveries(endpointId: $e) { edges { node { id eventId status } } } }',
      variables: { e: o.webhookEndpointId },
    }),
  },
  createWebhookEndpoint: {
    guard: 'MANAGE_WEBHOOKS',
    call: () => ({
      query:
        'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
      variables: { i: { url: 'http://127.0.0.1:9/matrix', events: ['order.placed'] } },
    }),
  },
  deleteWebhookEndpoint: {
    guard: 'MANAGE_WEBHOOKS',
    call: (o) => ({
      query: 'mutation($e: ID!) { deleteWebhookEndpoint(endpointId: $e) }',
      variables: { e: o.spareWebhookEndpointId },
    }),
  },
  sendTestWebhookEvent: {
    guard: 'MANAGE_WEBHOOKS',
    call: (o) => ({
      query: 'mutation($e: ID!) { sendTestWebhookEvent(endpointId: $e) { id } }',
      variables: { e: o.webhookEndpointId },
    }),
  },
  redeliverWebhook: {
    guard: 'MANAGE_WEBHOOKS',
    call: (o) => ({
      query: 'mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id } }',
      variables: { d: o.webhookDeliveryId },
    }),
  },
  createSupportRequest: {
    guard: 'SUBMIT_SUPPORT_REQUEST',
    call: (o) => ({
      query:
        'mutation($input: CreateSupportRequestInput!) { createSupportRequest(input: $input) { id } }',
      variables: { input: refund(o) },
    }),
  },
};
