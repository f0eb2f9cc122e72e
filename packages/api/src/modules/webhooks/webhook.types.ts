import {
  WEBHOOK_EVENTS,
  WEBHOOK_FAILURES,
  WEBHOOK_RETRY_PERIOD_MS,
  WEBHOOK_TEST_EVENT,
  type WebhookFailure,
} from '@csp/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { asEnum, describeValues, PageInfo } from '../../shared/graphql-types.js';
import { serverText, type Language } from '../../shared/i18n/server-text.js';
import type { DeliveryStatus, DeliveryView, EndpointView } from './webhook.service.js';

const RETRY_HOURS = WEBHOOK_RETRY_PERIOD_MS / 3_600_000;

// W1

export const DeliveryStatusEnum = {
  PENDING: 'PENDING',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
} as const satisfies Record<DeliveryStatus, DeliveryStatus>;
registerEnumType(DeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet; another attempt is due.' },
    DELIVERED: { description: 'The endpoint answered with a 2xx status.' },
    FAILED: { description: `Given up after ${RETRY_HOURS} hours of retries.` },
  },
});
// W2, E1: why an attempt failed, as a code; described by its English server text.
export const DeliveryFailureEnum = asEnum(WEBHOOK_FAILURES);
registerEnumType(DeliveryFailureEnum, {
  name: 'WebhookDeliveryFailure',
  description: 'Why a webhook delivery attempt failed.',
  valuesConfig: describeValues(WEBHOOK_FAILURES, (failure) =>
    serverText('en', `webhooks.failure.${failure}`),
  ),
});

@ObjectType({ description: 'An address the partner’s events are sent to.' })
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The endpoint’s id.' })
  id: string;

  @Field(() => String, { description: 'The https:// address that receives the POST requests.' })
  url: string;

  @Field(() => [String], { description: 'The event types sent to this endpoint.' })
  events: string[];

  @Field(() => Date, { description: 'When the endpoint was registered.' })
  createdAt: Date;

  static of(view: EndpointView): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), view);
  }
}

@ObjectType({ description: 'A newly registered endpoint and its signing secret.' })
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint registered.' })
  endpoint: WebhookEndpoint;

  @Field(() => String, {
    description:
      'The signing secret, shown this once: keep it to verify X-CSP-Signature (docs/webhooks.md).',
  })
  secret: string;
}

@InputType({ description: 'An endpoint to register.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'The https:// address that receives the POST requests.' })
  url: string;

  @Field(() => [String], {
    description: `The event types to send, any of: ${WEBHOOK_EVENTS.join(', ')}.`,
  })
  events: string[];
}

// W2
@ObjectType({ description: 'One event sent (or being sent) to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The delivery’s id.' })
  id: string;

  @Field(() => String, { description: 'The event id (X-CSP-Event-Id); the same on a redelivery.' })
  eventId: string;

  @Field(() => String, {
    description: `The event type, e.g. order.placed, or ${WEBHOOK_TEST_EVENT} for a test event.`,
  })
  eventType: string;

  @Field(() => DeliveryStatusEnum, { description: 'Where the delivery stands.' })
  status: DeliveryStatus;

  @Field(() => Int, { description: 'How many times sending was tried.' })
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt.' })
  responseStatus: number | null;

  @Field(() => DeliveryFailureEnum, {
    nullable: true,
    description: 'Why the last attempt failed, as a code; null when it did not.',
  })
  lastErrorCode: WebhookFailure | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt failed, in words in the language of Accept-Language (English or Korean); null when it did not.',
  })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When sending was last tried.' })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a pending delivery is tried next.' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it, if it has.' })
  deliveredAt: Date | null;

  @Field(() => Date, { description: 'When the event was queued for this endpoint.' })
  createdAt: Date;

  /** `language`: the caller's (Accept-Language), for `lastError`'s words. */
  static of(view: DeliveryView, language: Language): WebhookDelivery {
    const code = view.lastErrorCode;
    return Object.assign(new WebhookDelivery(), view, {
      lastError: code ? serverText(language, `webhooks.failure.${code}`) : null,
    });
  }
}

@ObjectType({ description: 'A delivery and its cursor.' })
export class WebhookDeliveryEdge {
  @Field(() => String, { description: 'Pass as `after` to get the deliveries after this one.' })
  cursor: string;

  @Field(() => WebhookDelivery, { description: 'The delivery.' })
  node: WebhookDelivery;
}

@ObjectType({ description: 'A page of an endpoint’s delivery log, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: 'The deliveries on this page.' })
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo: PageInfo;
}
