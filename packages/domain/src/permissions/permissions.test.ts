import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, can, isRole, PERMISSIONS, ROLES, type Action, type Role } from './permissions.js';

const allowed = (roles: Role[], action: Action) => can(roles, action).allowed;

describe('permissions', () => {
  it('R1: a role is only one of the known spellings; R7: every role reads, no role is nothing', () => {
    for (const role of ROLES) {
      expect(isRole(role)).toBe(true);
      expect(allowed([role], 'READ_PARTNER_DATA')).toBe(true);
    }
    for (const other of ['admin_agent', 'Admin agent', 'OWNER', '', null, 7]) {
      expect(isRole(other)).toBe(false);
    }
    // Without a role a user may do nothing, not even read (R7 is granted by a role).
    for (const action of ACTIONS) expect(allowed([], action)).toBe(false);
  });

  it.each<[Action, Role[], Role[]]>([
    // R2: buy on behalf of a customer
    [
      'BUY_SOFTWARE',
      ['ADMIN_AGENT', 'GLOBAL_ADMIN'],
      ['SALES_AGENT', 'HELPDESK_AGENT', 'ACCOUNT_ADMIN'],
    ],
    // R3: keys and downloads
    ['GET_KEYS_AND_DOWNLOADS', ['ADMIN_AGENT'], ['GLOBAL_ADMIN', 'SALES_AGENT', 'REFERRAL_ADMIN']],
    // R4: activity log
    [
      'VIEW_ACTIVITY_LOG',
      ['GLOBAL_ADMIN', 'ACCOUNT_ADMIN', 'REFERRAL_ADMIN', 'MARKETING_CONTENT_ADMIN'],
      ['ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT'],
    ],
    // R5: cancel
    ['CANCEL_PURCHASE', ['ADMIN_AGENT'], ['GLOBAL_ADMIN', 'SALES_AGENT', 'ACCOUNT_ADMIN']],
    // R6: support request
    ['SUBMIT_SUPPORT_REQUEST', ['ADMIN_AGENT', 'GLOBAL_ADMIN'], ['SALES_AGENT', 'HELPDESK_AGENT']],
  ])('R2–R6: %s is allowed for %j and refused for %j', (action, yes, no) => {
    for (const role of yes) expect(allowed([role], action)).toBe(true);
    for (const role of no) expect(allowed([role], action)).toBe(false);
  });

  it('R2: a Sales agent cannot buy', () => {
    expect(can(['SALES_AGENT'], 'BUY_SOFTWARE')).toEqual({
      allowed: false,
      missingRoles: ['ADMIN_AGENT', 'GLOBAL_ADMIN'],
    });
  });

  it('R3: a Global admin cannot reveal keys and is told Admin agent is needed (R9)', () => {
    expect(can(['GLOBAL_ADMIN'], 'GET_KEYS_AND_DOWNLOADS')).toEqual({
      allowed: false,
      missingRoles: ['ADMIN_AGENT'],
    });
  });

  it('R7: every role may read its partner’s data', () => {
    for (const role of ROLES) expect(allowed([role], 'READ_PARTNER_DATA')).toBe(true);
  });

  it('R9: no roles at all is refused with the roles that would allow it', () => {
    for (const action of ACTIONS) {
      const result = can([], action);
      expect(result).toEqual({ allowed: false, missingRoles: PERMISSIONS[action] });
    }
  });

  it('R1/R9: holding several roles allows the union; refusals always name a missing role', () => {
    fc.assert(
      fc.property(fc.subarray([...ROLES]), fc.constantFrom(...ACTIONS), (roles, action) => {
        const result = can(roles, action);
        const expected = roles.some((r) => PERMISSIONS[action].includes(r));
        expect(result.allowed).toBe(expected);
        if (!result.allowed) {
          expect(result.missingRoles.length).toBeGreaterThan(0);
          for (const r of result.missingRoles) expect(roles).not.toContain(r);
        }
      }),
    );
  });
});
