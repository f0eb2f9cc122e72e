import type { RequestContext } from '../../shared/context.js';
import { groupBy, partnerLoader } from '../../shared/loaders.js';
import { attachmentsOf } from './support.service.js';

/** Each support request's attachments, oldest first. */
export const attachmentsOfRequestLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'attachmentsOfRequest', async (requestIds, partnerId) =>
    groupBy(
      await attachmentsOf(ctx.db, partnerId, requestIds),
      (a) => a.supportRequestId,
      requestIds,
    ),
  );
