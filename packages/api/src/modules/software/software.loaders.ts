import type { RequestContext } from '../../shared/context.js';
import { groupBy, partnerLoader } from '../../shared/loaders.js';
import { liveLinksOfLines } from './software.service.js';

/** D4: each line's live download links, newest first. */
export const liveLinksOfLineLoader = (ctx: RequestContext) =>
  partnerLoader(ctx, 'liveLinksOfLine', async (lineIds, partnerId) =>
    groupBy(
      await liveLinksOfLines(ctx.db, partnerId, lineIds, ctx.clock.now()),
      (l) => l.orderLineId,
      lineIds,
    ),
  );
