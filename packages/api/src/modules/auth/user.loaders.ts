import type { RequestContext } from '../../shared/context.js';
import { instant } from '../../shared/raw-rows.js';
import { byId, partnerLoader } from '../../shared/loaders.js';
import { forPartner } from '../../shared/tenancy.js';
import { rolesOf } from './auth.service.js';
import type { UserEntity } from './user.entity.js';

/**
 * The caller's partner's users by id; a foreign id loads as null (R8). Plain rows, without the
 * password hash (nothing that loads users by id shows or checks it).
 */
export const userLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'user', async (ids, partnerId) =>
    byId(
      (
        await forPartner(ctx.db.manager, partnerId).rows(
          `SELECT id, partner_id, email, display_name, roles, created_at FROM users
           WHERE partner_id = :partnerId AND id IN (:ids)`,
          { ids: [...ids] },
        )
      ).map((r): Omit<UserEntity, 'passwordHash'> => ({
        id: r['id'] as string,
        partnerId: r['partner_id'] as string,
        email: r['email'] as string,
        displayName: r['display_name'] as string,
        roles: rolesOf(r['roles'] as string),
        createdAt: instant(r['created_at']),
      })),
      ids,
    ),
  );
