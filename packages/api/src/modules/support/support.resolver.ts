import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { createSupportRequest, getSupportRequest, listSupportRequests } from './support.service.js';
import { Attachment, CreateSupportRequestInput, SupportRequest } from './support.types.js';
import { attachmentsOfRequestLoader } from './support.loaders.js';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => [SupportRequest], {
    // S3
    description: 'The partner’s support requests, newest first.',
  })
  async supportRequests(@Ctx() ctx: RequestContext): Promise<SupportRequest[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return (await listSupportRequests(ctx.db, actor)).map(SupportRequest.of);
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
