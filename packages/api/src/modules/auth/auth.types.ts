import { ACTIONS, can, type Role } from '@csp/domain';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Actor } from '../../shared/context.js';
import { ActionEnum, RoleEnum } from '../../shared/graphql-types.js';

@ObjectType()
export class Partner {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({
  description:
    'R9: whether the signed-in user may do an action, and if not which roles would allow it.',
})
export class Permission {
  @Field(() => ActionEnum)
  action: string;

  @Field(() => Boolean)
  allowed: boolean;

  @Field(() => [RoleEnum], { description: 'Any one of these roles would allow the action.' })
  missingRoles: Role[];
}

@ObjectType()
export class Me {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field(() => Partner)
  partner: Partner;

  @Field(() => [Permission])
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

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Return a session token for `Authorization: Bearer …` (scripts). Browsers use the cookie.',
  })
  issueToken: boolean;
}

@ObjectType()
export class SignInPayload {
  @Field(() => Me)
  me: Me;

  @Field(() => String, { nullable: true, description: 'Only when `issueToken` was true.' })
  token: string | null;

  @Field(() => Date)
  expiresAt: Date;
}
