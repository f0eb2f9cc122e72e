/** R1: the roles a partner's user can hold. */
export const ROLES = [
  'ADMIN_AGENT',
  'GLOBAL_ADMIN',
  'ACCOUNT_ADMIN',
  'REFERRAL_ADMIN',
  'MARKETING_CONTENT_ADMIN',
  'SALES_AGENT',
  'HELPDESK_AGENT',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'READ_PARTNER_DATA',
  'BUY_SOFTWARE',
  'GET_KEYS_AND_DOWNLOADS',
  'VIEW_ACTIVITY_LOG',
  'CANCEL_PURCHASE',
  'SUBMIT_SUPPORT_REQUEST',
  'MANAGE_WEBHOOKS',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The one table of who may do what (R2–R7). Change a right here and everywhere follows. */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  READ_PARTNER_DATA: ROLES, // R7
  BUY_SOFTWARE: ['ADMIN_AGENT', 'GLOBAL_ADMIN'], // R2
  GET_KEYS_AND_DOWNLOADS: ['ADMIN_AGENT'], // R3
  VIEW_ACTIVITY_LOG: ['GLOBAL_ADMIN', 'ACCOUNT_ADMIN', 'REFERRAL_ADMIN', 'MARKETING_CONTENT_ADMIN'], // R4
  CANCEL_PURCHASE: ['ADMIN_AGENT'], // R5
  SUBMIT_SUPPORT_REQUEST: ['ADMIN_AGENT', 'GLOBAL_ADMIN'], // R6
  MANAGE_WEBHOOKS: ['GLOBAL_ADMIN'], // W1
};

export type Permission =
  | { allowed: true }
  /** R9: a refusal names the roles, any one of which would have allowed the action. */
  | { allowed: false; missingRoles: readonly Role[] };

export function can(roles: readonly Role[], action: Action): Permission {
  const allowedRoles = PERMISSIONS[action];
  if (roles.some((role) => allowedRoles.includes(role))) return { allowed: true };
  return { allowed: false, missingRoles: allowedRoles };
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
