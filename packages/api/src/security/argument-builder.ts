import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import type { PartnerObjects } from './fixtures.js';

export type IdSource = (name: string, operation: string) => string;

/** Which object an ID argument names, by its name (and, for a bare `id`, by the operation). */
export function idsOf(o: PartnerObjects): IdSource {
  return (name, operation) => {
    const byName: Record<string, string> = {
      customerId: o.customerId,
      orderId: o.spareOrderId,
      productId: o.productId,
      lineId: o.lineId,
      attachmentIds: o.attachmentId,
      skuId: 'sql-server-2022-standard:1y',
      endpointId:
        operation === 'deleteWebhookEndpoint' ? o.spareWebhookEndpointId : o.webhookEndpointId,
      deliveryId: o.webhookDeliveryId,
    };
    const byOperation: Record<string, string> = {
      customer: o.customerId,
      order: o.spareOrderId,
      invoice: o.invoiceId,
      supportRequest: o.supportRequestId,
    };
    const value = name === 'id' ? byOperation[operation] : byName[name];
    if (!value)
      throw new Error(
        `No object for ID argument "${name}" of ${operation}: add it to argument-builder.ts`,
      );
    return value;
  };
}

/** A plausible value for a field, so a call reaches the code that looks its ids up. */
function scalarFor(name: string, type: string): unknown {
  if (type === 'Int') return 1;
  if (type === 'Boolean') return true;
  if (type === 'DateTimeISO')
    return name === 'to' ? '2027-01-01T00:00:00.000Z' : '2026-01-01T00:00:00.000Z';
  const strings: Record<string, string> = {
    idempotencyKey: crypto.randomUUID(),
    email: 'matrix@example.test',
    contactEmail: 'matrix@example.test',
    password: 'not the password',
    contactPhone: '+1 425 555 0100',
    version: '2022',
    language: 'English',
    fileType: 'ISO (x64)',
    amountRequested: '100.00',
    tenantOrDomain: 'contoso.onmicrosoft.com',
  };
  return strings[name] ?? 'Matrix value long enough';
}

export function valueFor(
  name: string,
  type: GraphQLInputType,
  operation: string,
  ids: IdSource,
  optional = false,
): unknown {
  if (
    optional &&
    !['customerId', 'orderId', 'productId', 'lineId', 'id', 'attachmentIds'].includes(name)
  )
    return undefined;
  if (isNonNullType(type)) return valueFor(name, type.ofType, operation, ids, false);
  if (isListType(type)) {
    const item = valueFor(name, type.ofType, operation, ids, false);
    return item === undefined ? [] : [item];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields()) as GraphQLInputField[];
    return Object.fromEntries(
      fields
        .map(
          (f) =>
            [f.name, valueFor(f.name, f.type, operation, ids, !isNonNullType(f.type))] as const,
        )
        .filter(([, v]) => v !== undefined),
    );
  }
  if (isScalarType(named) && named.name === 'ID') return ids(name, operation);
  return scalarFor(name, named.name);
}

export function argumentsFor(args: readonly GraphQLArgument[], operation: string, ids: IdSource) {
  return Object.fromEntries(
    args
      .map(
        (a) => [a.name, valueFor(a.name, a.type, operation, ids, !isNonNullType(a.type))] as const,
      )
      .filter(([, v]) => v !== undefined),
  );
}
