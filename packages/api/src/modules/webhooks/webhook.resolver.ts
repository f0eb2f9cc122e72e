import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { firstDescription } from '../../shared/graphql-limits.js';
import { PageInfo } from '../../shared/graphql-types.js';
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
    // W1
    description: 'The partner’s webhook endpoints (Global admin only).',
  })
  async webhookEndpoints(@Ctx() ctx: RequestContext): Promise<WebhookEndpoint[]> {
    return (await listEndpoints(ctx.db, ctx.actor)).map(WebhookEndpoint.of);
  }

  @Query(() => WebhookDeliveryConnection, {
    // W2
    description: 'An endpoint’s delivery log, newest first (Global admin only).',
  })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: firstDescription('Query.webhookDeliveries'),
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page.',
    })
    after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await listDeliveries(ctx.db, ctx.actor, endpointId, { first, after });
    return Object.assign(new WebhookDeliveryConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new WebhookDeliveryEdge(), {
          cursor: row.cursor,
          node: WebhookDelivery.of(row.delivery, ctx.language),
        }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
    });
  }

  @Mutation(() => CreateWebhookEndpointPayload, {
    // W1
    description:
      'Registers a webhook endpoint; the answer carries its signing secret, shown this once (Global admin only).',
  })
  async createWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookEndpointInput, { description: 'The address and events.' })
    input: CreateWebhookEndpointInput,
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

  // W1
  @Mutation(() => Boolean, {
    description: 'Removes a webhook endpoint and its delivery log (Global admin only).',
  })
  async deleteWebhookEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID, { description: 'The endpoint to remove.' }) endpointId: string,
  ): Promise<boolean> {
    return deleteEndpoint(ctx.db, ctx.actor, endpointId);
  }

  // W2
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a test event to one endpoint (Global admin only).',
  })
  async sendTestWebhookEvent(
    @Ctx() ctx: RequestContext,
    @Arg('endpointId', () => ID, { description: 'The endpoint to test.' }) endpointId: string,
  ): Promise<WebhookDelivery> {
    return WebhookDelivery.of(
      await sendTestEvent(ctx.db, ctx.clock, ctx.actor, endpointId),
      ctx.language,
    );
  }

  @Mutation(() => WebhookDelivery, {
    // W2
    description:
      'Sends a delivery’s event again, with the same event id, as a new delivery (Global admin only).',
  })
  async redeliverWebhook(
    @Ctx() ctx: RequestContext,
    @Arg('deliveryId', () => ID, { description: 'The delivery to send again.' }) deliveryId: string,
  ): Promise<WebhookDelivery> {
    return WebhookDelivery.of(
      await redeliver(ctx.db, ctx.clock, ctx.actor, deliveryId),
      ctx.language,
    );
  }
}
