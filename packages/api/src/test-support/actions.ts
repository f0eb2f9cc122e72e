import { gql } from './client.js';

/** Calls the tests make over and over, through the real API. They fail loudly on any error. */

export interface PlacedOrder {
  id: string;
  total: { amountMinor: number; currency: string };
  lines: { id: string; amount: { amountMinor: number } }[];
}

const PLACE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($i: PlaceOrderInput!) {
    placeOrder(input: $i) {
      id
      total {
        amountMinor
        currency
      }
      lines {
        id
        amount {
          amountMinor
        }
      }
    }
  }
`;

export async function placeOrder(
  url: string,
  token: string,
  customerId: string,
  lines: { skuId: string; quantity: number }[] = [
    { skuId: 'windows-server-2022-datacenter:1y', quantity: 1 },
  ],
): Promise<PlacedOrder> {
  const response = await gql<{ placeOrder: PlacedOrder }>(
    url,
    PLACE_ORDER,
    { i: { customerId, idempotencyKey: crypto.randomUUID(), lines } },
    { token },
  );
  if (!response.data?.placeOrder)
    throw new Error(`placeOrder failed: ${JSON.stringify(response.errors)}`);
  return response.data.placeOrder;
}

export const DEFAULT_CHOICE = { version: '2022', language: 'English', fileType: 'ISO (x64)' };

export interface IssuedLink {
  activationKey: string | null;
  id: string;
  url: string;
  /** The secret part of the URL. */
  token: string;
}

const GET_KEYS_AND_DOWNLOADS = /* GraphQL */ `
  mutation GetKeysAndDownloads($i: GetKeysAndDownloadsInput!) {
    getKeysAndDownloads(input: $i) {
      activationKey
      link {
        id
        url
      }
    }
  }
`;

export async function issueLink(
  url: string,
  token: string,
  lineId: string,
  choice = DEFAULT_CHOICE,
): Promise<IssuedLink> {
  const response = await gql<{
    getKeysAndDownloads: { activationKey: string | null; link: { id: string; url: string } };
  }>(url, GET_KEYS_AND_DOWNLOADS, { i: { lineId, ...choice } }, { token });
  const result = response.data?.getKeysAndDownloads;
  if (!result?.link)
    throw new Error(`getKeysAndDownloads failed: ${JSON.stringify(response.errors)}`);
  return {
    activationKey: result.activationKey,
    id: result.link.id,
    url: result.link.url,
    token: result.link.url.split('/downloads/')[1]!,
  };
}

/** Downloads through a link and answers the HTTP status (the body is read to the end). */
export async function download(
  baseUrl: string,
  linkToken: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${baseUrl}/downloads/${linkToken}`, { headers });
  await response.arrayBuffer();
  return response.status;
}
