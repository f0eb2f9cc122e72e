import { ACTIONS, can, type Role } from '@csp/domain';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Actor } from '../../shared/context.js';
import { ActionEnum, RoleEnum } from '../../shared/graphql-types.js';

@ObjectType({ description: 'The CSP partner organisation a user works for.' })
export class Partner {
  @Field(() => ID, { description: 'The partner’s id.' })
  id: string;

  @Field(() => String, { description: 'The partner’s company name.' })
  name: string;
}

// R9
@ObjectType({
  description:
    'Whether the signed-in user may do an action, and if not which roles would allow it.',
})
export class Permission {
  @Field(() => ActionEnum, { description: 'The action.' })
  action: string;

  @Field(() => Boolean, { description: 'Whether the user’s roles allow it.' })
  allowed: boolean;

  @Field(() => [RoleEnum], {
    description: 'Any one of these roles would allow the action; empty when allowed.',
  })
  missingRoles: Role[];
}

@ObjectType({ description: 'The signed-in user.' })
export class Me {
  @Field(() => ID, { description: 'The user’s id.' })
  id: string;

  @Field(() => String, { description: 'The e-mail address the user signs in with.' })
  email: string;

  @Field(() => String, { description: 'The user’s name, as shown in the portal.' })
  displayName: string;

  @Field(() => [RoleEnum], { description: 'The Partner Center roles the user holds.' })
  roles: Role[];

  @Field(() => Partner, { description: 'The partner the user works for.' })
  partner: Partner;

  @Field(() => [Permission], { description: 'Every action, and whether the user may do it.' })
  permissions: Permission[];

  static of(
    actor: Pick<Actor, 'userId' | 'email' | 'displayName' | 'roles'>,
    partner: Partner,
  ): Me {
    const me = new Me();
    me.id = actor.userId;
    me.email = actor.email;
    me.displayName = actor.displayName;
    me.roles = [...actor.roles];
    me.partner = partner;
    me.permissions = ACTIONS.map((action) => {
      const result = can(actor.roles, action);
      return Object.assign(new Permission(), {
        action,
        allowed: result.allowed,
        missingRoles: result.allowed ? [] : [...result.missingRoles],
      });
    });
    return me;
  }
}

@InputType({ description: 'Credentials for signing in.' })
export class SignInInput {
  @Field(() => String, { description: 'The user’s e-mail address.' })
  email: string;

  @Field(() => String, { description: 'The user’s password.' })
  password: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Return a session token for `Authorization: Bearer …` (scripts). Browsers use the cookie.',
  })
  issueToken: boolean;
}

@ObjectType({ description: 'The result of signing in.' })
export class SignInPayload {
  @Field(() => Me, { description: 'The user now signed in.' })
  me: Me;

  @Field(() => String, {
    nullable: true,
    description: 'The session token, only when `issueToken` was true.',
  })
  token: string | null;

  @Field(() => Date, { description: 'When the session ends unless the user signs in again.' })
  expiresAt: Date;
}
