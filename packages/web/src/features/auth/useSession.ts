import type { Action, Role } from '@csp/domain';
import { createContext, useContext } from 'react';
import { graphql } from '../../gql';
import type { MeFieldsFragment } from '../../gql/graphql';

export const MeFields = graphql(`
  fragment MeFields on Me {
    __typename
    id
    email
    displayName
    roles
    partner {
      __typename
      id
      name
    }
    permissions {
      __typename
      action
      allowed
      missingRoles
    }
  }
`);

export const MeQueryDocument = graphql(`
  query Me {
    me {
      ...MeFields
    }
  }
`);

export type SignedInUser = MeFieldsFragment;

export const SessionContext = createContext<SignedInUser | null>(null);

/** The signed-in user; only under <RequireSession>. */
export function useMe(): SignedInUser {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe needs a signed-in session (<RequireSession>)');
  return me;
}

export interface PermissionState {
  allowed: boolean;
  /** R9: any one of these roles would allow the action. */
  missingRoles: Role[];
}

/** R2–R6, R9: whether the signed-in user may do an action, and if not which roles would. */
export function usePermission(action: Action): PermissionState {
  const me = useMe();
  const permission = me.permissions.find((p) => p.action === action);
  return permission
    ? { allowed: permission.allowed, missingRoles: [...permission.missingRoles] }
    : { allowed: false, missingRoles: [] };
}

/** Fired by the Apollo link when the server says the session is gone. */
export const SESSION_EXPIRED_EVENT = 'csp:session-expired';

/** Fired when a user has signed in (the Apollo cache starts afresh: app/apollo.ts). */
export const SIGNED_IN_EVENT = 'csp:signed-in';
