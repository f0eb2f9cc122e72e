import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../shared/graphql-types.js';
import type { DeliveryView, EndpointView } from './webhook.service.js';

@ObjectType({ description: 'W1: where a partner’s events are sent.' })
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [String], { description: 'W1: the events sent to this endpoint.' })
  events: string[];

  @Field(() => Date)
  createdAt: Date;

  static of(view: EndpointView): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), view);
  }
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, {
    description:
      'W1: the signing secret, shown this once: keep it to verify X-CSP-Signature (docs/webhooks.md).',
  })
  secret: string;
}

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https:// address that receives POST requests.' })
  url: string;

  @Field(() => [String], {
    description:
      'Any of order.placed, purchase.cancelled, download_link.exhausted, cancellation_window.closing, support_request.created.',
  })
  events: string[];
}

@ObjectType({ description: 'W2: one event sent (or being sent) to one endpoint.' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The event id (X-CSP-Event-Id); the same on a redelivery.' })
  eventId: string;

  @Field(() => String)
  eventType: string;

  @Field(() => String, { description: 'PENDING, DELIVERED or FAILED (after 24 h of retries).' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt.' })
  responseStatus: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a pending delivery is tried next.' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  static of(view: DeliveryView): WebhookDelivery {
    return Object.assign(new WebhookDelivery(), view);
  }
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => WebhookDelivery)
  node: WebhookDelivery;
}

@ObjectType()
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
