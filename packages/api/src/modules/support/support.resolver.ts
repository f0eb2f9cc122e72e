import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { firstDescription } from '../../shared/graphql-limits.js';
import { PageInfo } from '../../shared/graphql-types.js';
import { authorize, type RequestContext } from '../../shared/context.js';
import {
  countSupportRequests,
  createSupportRequest,
  getSupportRequest,
  supportRequestPage,
} from './support.service.js';
import {
  Attachment,
  CreateSupportRequestInput,
  SupportRequest,
  SupportRequestConnection,
  SupportRequestEdge,
} from './support.types.js';
import { attachmentsOfRequestLoader } from './support.loaders.js';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => SupportRequestConnection, {
    // S3
    description: 'The partner’s support requests, newest first, a page at a time.',
  })
  async supportRequests(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, {
      nullable: true,
      description: firstDescription('Query.supportRequests'),
    })
    first?: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page.',
    })
    after?: string | null,
  ): Promise<SupportRequestConnection> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const page = await supportRequestPage(ctx.db, actor, { first, after });
    return Object.assign(new SupportRequestConnection(), {
      edges: page.rows.map((row) =>
        Object.assign(new SupportRequestEdge(), {
          cursor: row.cursor,
          node: SupportRequest.of(row.request),
        }),
      ),
      pageInfo: PageInfo.forward(page.rows, page.hasNextPage),
    });
  }

  @Query(() => SupportRequest, { description: 'One of the partner’s support requests.' })
  async supportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The reference, e.g. SR-7KQ2M9D4WZ.' }) id: string,
  ): Promise<SupportRequest> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return SupportRequest.of(await getSupportRequest(ctx.db, actor, id));
  }

  @Mutation(() => SupportRequest, {
    // S1–S3; R6
    description: 'Submits a support request: Report a problem (Admin agent or Global admin).',
  })
  async createSupportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateSupportRequestInput, { description: 'The request’s fields.' })
    input: CreateSupportRequestInput,
  ): Promise<SupportRequest> {
    return SupportRequest.of(await createSupportRequest(ctx.db, ctx.actor, input, ctx.clock.now()));
  }

  @FieldResolver(() => [Attachment], { description: 'The files attached to the request.' })
  async attachments(
    @Root() request: SupportRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<Attachment[]> {
    return (await attachmentsOfRequestLoader(ctx).load(request.id)).map(Attachment.of);
  }
}

@Resolver(() => SupportRequestConnection)
export class SupportRequestConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      'How many support requests the partner has in all (every page). Counted when asked for.',
  })
  async totalCount(@Ctx() ctx: RequestContext): Promise<number> {
    return countSupportRequests(ctx.db, authorize(ctx.actor, 'READ_PARTNER_DATA'));
  }
}
