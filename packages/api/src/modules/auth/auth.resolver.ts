import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type RequestContext } from '../../shared/context.js';
import { PartnerEntity } from './partner.entity.js';
import { signIn, signOut } from './auth.service.js';
import { Me, Partner, SignInInput, SignInPayload } from './auth.types.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@Resolver()
export class AuthResolver {
  @Query(() => Me, { description: 'The signed-in user, their partner, roles and permissions.' })
  async me(@Ctx() ctx: RequestContext): Promise<Me> {
    const actor = requireActor(ctx.actor);
    const partner = await ctx.db.manager.findOneByOrFail(PartnerEntity, { id: actor.partnerId });
    return Me.of(actor, Object.assign(new Partner(), { id: partner.id, name: partner.name }));
  }

  @Mutation(() => SignInPayload, {
    description:
      'Signs in with e-mail and password. Sets the session cookie; returns a token when asked.',
  })
  async signIn(
    @Arg('input', () => SignInInput, {
      description: 'E-mail, password and whether to get a token.',
    })
    input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInPayload> {
    const result = await signIn(
      ctx.db,
      input.email,
      input.password,
      ctx.clock.now(),
      ctx.req.ip ?? ctx.req.socket.remoteAddress ?? null,
    );
    setSessionCookie(ctx.req, ctx.res, result.token, result.expiresAt);
    const payload = new SignInPayload();
    payload.me = Me.of(
      {
        userId: result.user.id,
        email: result.user.email,
        displayName: result.user.displayName,
        roles: result.user.roles,
      },
      Object.assign(new Partner(), { id: result.partner.id, name: result.partner.name }),
    );
    payload.token = input.issueToken ? result.token : null;
    payload.expiresAt = result.expiresAt;
    return payload;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (cookie or Bearer token).' })
  async signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    await signOut(ctx.db, requireActor(ctx.actor));
    clearSessionCookie(ctx.req, ctx.res);
    return true;
  }
}
