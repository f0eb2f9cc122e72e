import { In } from 'typeorm';
import type { RequestContext } from '../../shared/context.js';
import { byId, partnerLoader } from '../../shared/loaders.js';
import { forPartner } from '../../shared/tenancy.js';
import { UserEntity } from './user.entity.js';

/** The caller's partner's users by id; a foreign id loads as null (R8). */
export const userLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'user', async (ids, partnerId) =>
    byId(await forPartner(ctx.db.manager, partnerId).findBy(UserEntity, { id: In([...ids]) }), ids),
  );
