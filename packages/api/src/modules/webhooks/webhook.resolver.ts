import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../shared/context.js';
import { urlPolicy } from './url-policy.js';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  redeliver,
  sendTestEvent,
} from './webhook.service.js';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryEdge,
  WebhookEndpoint,
} from './webhook.types.js';

@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], {
    description: 'W1: the partner’s webhook endpoints (Global admin).',
  })
  async webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpoint[]> {
    return (await listEndpoints(ctx.db, ctx.actor)).map(WebhookEndpoint.of);
  }

  @Query(() => WebhookDeliveryConnection, {
    description: 'W2: an endpoint’s delivery log, newest first (Global admin).',
  })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await listDeliveries(ctx.db, ctx.actor, endpointId, { first, after });
    return Object.assign(new WebhookDeliveryConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new WebhookDeliveryEdge(), {
          cursor: row.cursor,
          node: WebhookDelivery.of(row.delivery),
        }),
      ),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
    });
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    description: 'W1: registers an endpoint; the answer carries its signing secret, shown once.',
  })
  async createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
  ): Promise<CreateWebhookEndpointPayload> {
    const result = await createEndpoint(
      ctx.db,
      ctx.vault,
      ctx.clock,
      urlPolicy(),
      ctx.actor,
      input,
    );
    return Object.assign(new CreateWebhookEndpointPayload(), {
      endpoint: WebhookEndpoint.of(result.endpoint),
      secret: result.secret,
    });
  }

  @Mutation(() => Boolean, { description: 'W1: removes an endpoint and its delivery log.' })
  async deleteWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID) endpointId: string,
  ): Promise<boolean> {
    return deleteEndpoint(ctx.db, ctx.actor, endpointId);
  }

  @Mutation(() => WebhookDelivery, { description: 'W2: Send test event to one endpoint.' })
  async sendTestWebhookEvent(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID) endpointId: string,
  ): Promise<WebhookDelivery> {
    return WebhookDelivery.of(await sendTestEvent(ctx.db, ctx.clock, ctx.actor, endpointId));
  }

  @Mutation(() => WebhookDelivery, {
    description: 'W2: Redeliver: the same event (same id) again, as a new delivery.',
  })
  async redeliverWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('deliveryId', () => ID) deliveryId: string,
  ): Promise<WebhookDelivery> {
    return WebhookDelivery.of(await redeliver(ctx.db, ctx.clock, ctx.actor, deliveryId));
  }
}
