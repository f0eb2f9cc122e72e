import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { createSupportRequest, getSupportRequest, listSupportRequests } from './support.service.js';
import { Attachment, CreateSupportRequestInput, SupportRequest } from './support.types.js';
import { attachmentsOfRequestLoader } from './support.loaders.js';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => [SupportRequest], {
    description: 'S3: the partner’s support requests, newest first.',
  })
  async supportRequests(@Ctx() ctx: RequestContext): Promise<SupportRequest[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return (await listSupportRequests(ctx.db, actor)).map(SupportRequest.of);
  }

  @Query(() => SupportRequest)
  async supportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
  ): Promise<SupportRequest> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    return SupportRequest.of(await getSupportRequest(ctx.db, actor, id));
  }

  @Mutation(() => SupportRequest, {
    description: 'S1–S3: Report a problem (Admin agent or Global admin, R6).',
  })
  async createSupportRequest(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateSupportRequestInput) input: CreateSupportRequestInput,
  ): Promise<SupportRequest> {
    return SupportRequest.of(await createSupportRequest(ctx.db, ctx.actor, input, ctx.clock.now()));
  }

  @FieldResolver(() => [Attachment])
  async attachments(
    @Root() request: SupportRequest,
    @Ctx() ctx: RequestContext,
  ): Promise<Attachment[]> {
    return (await attachmentsOfRequestLoader(ctx).load(request.id)).map(Attachment.of);
  }
}
