import {
  currencyForMarket,
  DomainError,
  parseDecimal,
  supportRequestSchema,
  validateInput,
  type CurrencyCode,
  type Impact,
  type ProblemType,
  type SupportRequestInput,
} from '@csp/domain';
import { In, IsNull } from 'typeorm';
import type { Database } from '../../data-source.js';
import { authorize, type Actor } from '../../shared/context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../shared/cursor.js';
import { notFound, parsedOrRefused } from '../../shared/errors.js';
import { PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { newOrderId } from '../../shared/ids.js';
import { forPartner } from '../../shared/tenancy.js';
import { recordSuccess, withRefusalLog } from '../activity/activity.service.js';
import { ProductEntity } from '../catalog/product.entity.js';
import { getCustomer } from '../customers/customer.service.js';
import { AttachmentEntity } from './attachment.entity.js';
import { SupportRequestEntity } from './support-request.entity.js';
import { REQUEST_COLUMNS, requestOf } from './support-rows.js';
import { enqueueWebhook, supportRequestCreatedEvent } from '../webhooks/index.js';

/**
 * S1–S3: submits a support request (Admin agent or Global admin, R6). Every field is checked at
 * once (the domain's rules); the refusal lists each field's message. Logged in the same
 * transaction (A1).
 */
export async function createSupportRequest(
  db: Database,
  actorOrNull: Actor | null,
  input: SupportRequestInput,
  now: Date,
): Promise<SupportRequestEntity> {
  // A1: a refusal is logged, except bad input (nothing was attempted) or an anonymous caller.
  const refused = (refusal: DomainError) =>
    refusal.code !== 'BAD_USER_INPUT' && actorOrNull
      ? {
          partnerId: actorOrNull.partnerId,
          actor: actorOrNull,
          operation: 'create_support_request' as const,
          resource: 'support-request:new',
          at: now,
        }
      : null;
  return withRefusalLog(db, refused, async () => {
    const actor = authorize(actorOrNull, 'SUBMIT_SUPPORT_REQUEST');
    const customer = input.customerId ? await getCustomer(db, actor, input.customerId) : null;
    const product = input.productId
      ? ((await db.manager.findOneBy(ProductEntity, { id: input.productId })) ??
        notFound('product'))
      : null;
    const currency: CurrencyCode = customer ? currencyForMarket(customer.market) : 'USD';
    // S2: the domain's schema, the one the web form checks with; every field at once.
    const draft = parsedOrRefused(validateInput(supportRequestSchema(currency), input));
    const attachmentIds = draft.attachmentIds;
    // Attachments: the caller's partner's own, not yet claimed by another request.
    const attachments = attachmentIds.length
      ? await forPartner(db.manager, actor).findBy(AttachmentEntity, {
          id: In(attachmentIds),
          supportRequestId: IsNull(),
        })
      : [];
    if (attachments.length !== attachmentIds.length) notFound('attachment');

    const amount = draft.amountRequested ? parseDecimal(draft.amountRequested, currency) : null;
    const request: SupportRequestEntity = {
      id: `SR-${newOrderId().slice(0, 10)}`,
      partnerId: actor.partnerId,
      createdByUserId: actor.userId,
      customerId: customer?.id ?? null,
      productId: product?.id ?? null,
      problemType: draft.problemType as ProblemType,
      impact: draft.impact as Impact,
      title: draft.title,
      tenantOrDomain: draft.tenantOrDomain,
      orderOrSubscriptionId: draft.orderOrSubscriptionId,
      refundReason: draft.refundReason,
      amountRequestedMinor: amount?.amountMinor ?? null,
      amountCurrency: amount ? currency : null,
      details: draft.details,
      contactName: draft.contactName,
      contactEmail: draft.contactEmail,
      contactPhone: draft.contactPhone,
      status: 'SUBMITTED',
      createdAt: now,
    };
    await db.transaction(async (m) => {
      await m.insert(SupportRequestEntity, request);
      if (attachments.length) {
        const claimed = await m
          .createQueryBuilder()
          .update(AttachmentEntity)
          .set({ supportRequestId: request.id })
          .where('id IN (:...ids)', { ids: attachmentIds })
          .andWhere('support_request_id IS NULL')
          .execute();
        if (claimed.affected !== attachmentIds.length) notFound('attachment');
      }
      await recordSuccess(m, {
        partnerId: actor.partnerId,
        actor,
        customerId: customer?.id ?? null,
        operation: 'create_support_request',
        resource: `support-request:${request.id}`,
        productName: product?.name ?? null,
        detail: {
          code: 'SUPPORT_REQUEST',
          params: { problemType: request.problemType, title: request.title.slice(0, 200) },
        },
        at: now,
      });
      await enqueueWebhook(m, actor.partnerId, supportRequestCreatedEvent(request), now); // W2
    });
    return request;
  });
}

/** S3: one page of the partner's support requests, newest first, keyset-paged on (created, id). */
export async function supportRequestPage(
  db: Database,
  actor: Actor,
  args: { first?: number | null; after?: string | null },
) {
  const { fallback, max } = PAGED_FIELDS['Query.supportRequests']!;
  const size = pageSize(args.first, fallback, max);
  // Issue 13: plain rows, no query builder per request.
  const after = args.after ? decodeCursor(args.after, 2) : null;
  const rows = (
    await forPartner(db.manager, actor).rows(
      `SELECT ${REQUEST_COLUMNS} FROM support_requests
       WHERE partner_id = :partnerId${
         after ? ' AND (created_at < :at OR (created_at = :at AND id > :id))' : ''
       }
       ORDER BY created_at DESC, id ASC LIMIT :limit`,
      { at: after && new Date(Number(after[0])), id: after && String(after[1]), limit: size + 1 },
    )
  ).map(requestOf);
  return {
    rows: rows.slice(0, size).map((request) => ({
      request,
      cursor: encodeCursor([request.createdAt.getTime(), request.id]),
    })),
    hasNextPage: rows.length > size,
  };
}

/** S3: how many support requests the partner has, for "Page 1 of N". */
export async function countSupportRequests(db: Database, actor: Actor): Promise<number> {
  const [row] = await forPartner(db.manager, actor).rows<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM support_requests WHERE partner_id = :partnerId',
  );
  return Number(row?.n ?? 0);
}

export async function getSupportRequest(db: Database, actor: Actor, id: string) {
  return (
    (await forPartner(db.manager, actor).findOne(SupportRequestEntity, { id })) ??
    notFound('support request')
  );
}

export async function attachmentsOf(
  db: Database,
  partnerId: string,
  requestIds: readonly string[],
) {
  if (requestIds.length === 0) return [];
  return forPartner(db.manager, partnerId).find(AttachmentEntity, {
    where: { supportRequestId: In([...requestIds]) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}
