import type { Role } from '@csp/domain';
import { issueLink, placeOrder } from '../test-support/actions.js';
import { gql } from '../test-support/client.js';
import { createTenant, createUser } from '../test-support/factories.js';
import type { Harness } from '../test-support/harness.js';

/** One partner's objects of every kind, made through the API: what the matrices aim at. */
export interface PartnerObjects {
  partnerId: string;
  adminToken: string;
  customerId: string;
  customerName: string;
  orderId: string;
  lineId: string;
  /** An order nobody cancels, for operations that must find it again. */
  spareOrderId: string;
  productId: string;
  invoiceId: string;
  supportRequestId: string;
  attachmentId: string;
  linkToken: string;
  activationKey: string;
  webhookEndpointId: string;
  /** An endpoint the matrices may delete. */
  spareWebhookEndpointId: string;
  webhookDeliveryId: string;
  newUser: (roles: Role[]) => Promise<string>;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function partnerObjects(h: Harness, market = 'US'): Promise<PartnerObjects> {
  const { partner, admin, customer } = await createTenant(h.db, market);
  const token = admin.token;
  // W1: endpoints first, so the objects below write deliveries to them (nothing listens on :9).
  const globalAdmin = await createUser(h.db, partner.id, ['GLOBAL_ADMIN']);
  const endpoint = async () => {
    const created = await gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      h.url,
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
      { i: { url: 'http://127.0.0.1:9/hooks', events: ['order.placed'] } },
      { token: globalAdmin.token },
    );
    return created.data!.createWebhookEndpoint.endpoint.id;
  };
  const webhookEndpointId = await endpoint();
  const spareWebhookEndpointId = await endpoint();
  const order = await placeOrder(h.url, token, customer.id);
  const spare = await placeOrder(h.url, token, customer.id);
  const link = await issueLink(h.url, token, order.lines[0]!.id);
  const invoices = await gql<{ invoices: { edges: { node: { id: string } }[] } }>(
    h.url,
    '{ invoices { edges { node { id } } } }',
    {},
    { token },
  );
  const upload = await fetch(`${h.url}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'x-csp-upload': '1', 'x-file-name': 'proof.png' },
    body: PNG,
  });
  const attachmentId = ((await upload.json()) as { id: string }).id;
  const request = await gql<{ createSupportRequest: { id: string } }>(
    h.url,
    'mutation($i: CreateSupportRequestInput!) { createSupportRequest(input: $i) { id } }',
    {
      i: {
        problemType: 'BILLING',
        impact: 'LOW',
        title: 'Question about an invoice',
        details: 'The October invoice total looks wrong to us.',
        contactName: 'Test Person',
        contactEmail: 'test@example.test',
        contactPhone: '+1 425 555 0100',
      },
    },
    { token },
  );
  const deliveries = await gql<{ webhookDeliveries: { edges: { node: { id: string } }[] } }>(
    h.url,
    'query($e: ID!) { webhookDeliveries(endpointId: $e) { edges { node { id } } } }',
    { e: webhookEndpointId },
    { token: globalAdmin.token },
  );
  return {
    webhookEndpointId,
    spareWebhookEndpointId,
    webhookDeliveryId: deliveries.data!.webhookDeliveries.edges[0]!.node.id,
    partnerId: partner.id,
    adminToken: token,
    customerId: customer.id,
    customerName: customer.name,
    orderId: order.id,
    lineId: order.lines[0]!.id,
    spareOrderId: spare.id,
    productId: 'windows-server-2022-datacenter',
    invoiceId: invoices.data!.invoices.edges[0]!.node.id,
    supportRequestId: request.data!.createSupportRequest.id,
    attachmentId,
    linkToken: link.token,
    activationKey: link.activationKey!,
    newUser: async (roles) => (await createUser(h.db, partner.id, roles)).token,
  };
}
