import type { DownloadChoice } from '@csp/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Resolver, Root } from 'type-graphql';
import { authorize, type RequestContext } from '../../shared/context.js';
import { pageAfterId } from '../../shared/cursor.js';
import { badInput } from '../../shared/errors.js';
import { firstDescription, PAGED_FIELDS } from '../../shared/graphql-limits.js';
import { userLoader } from '../auth/user.loaders.js';
import { productLoader } from '../catalog/catalog.loaders.js';
import { DownloadOptionsType } from '../catalog/catalog.types.js';
import { Customer } from '../customers/customer.types.js';
import { OrderLine, UserRef } from '../orders/order.types.js';
import { downloadFileName } from './media.js';
import { selectedFields } from '../../shared/selection.js';
import type { ProductEntity } from '../catalog/product.entity.js';
import { getKeysAndDownloads, linesOfCustomer } from './software.service.js';
import {
  DownloadLink,
  GetKeysAndDownloadsInput,
  IssuedDownloadLink,
  KeysAndDownloads,
} from './software.types.js';
import { liveLinksOfLineLoader } from './software.loaders.js';

function choiceOf(input: GetKeysAndDownloadsInput): DownloadChoice | null {
  const { version, language, fileType } = input;
  if (!version && !language && !fileType) return null;
  if (!version || !language || !fileType) badInput('fileType', 'DOWNLOAD_CHOICE_INCOMPLETE');
  return { version, language, fileType };
}

@Resolver(() => Customer)
export class CustomerSoftwareResolver {
  @FieldResolver(() => [OrderLine], {
    // D1
    description:
      'Every software line bought for the customer, cancelled ones included, newest first, a page at a time: pass the last line’s id as `after` for the next.',
  })
  async software(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: firstDescription('Customer.software') })
    first: number | null | undefined,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last line’s id of the previous page.',
    })
    after: string | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrderLine[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const all = await linesOfCustomer(ctx.db, actor.partnerId, customer.id);
    const page = pageAfterId(all, { first, after }, PAGED_FIELDS['Customer.software']!).map(
      OrderLine.of,
    );
    await prefetchLineFields(ctx, page, info);
    return page;
  }
}

/** The live links of each line of a page, when the parent read them for the whole page. */
const prefetchedLinks = new WeakMap<OrderLine, DownloadLink[]>();

/**
 * Issue 13: what the selection asks of every line (product, live links, their issuers) is read
 * for the whole page here, through the same loaders (the same statements, one per kind), so the
 * per-line fields answer without a promise each.
 */
async function prefetchLineFields(
  ctx: RequestContext,
  lines: OrderLine[],
  info: GraphQLResolveInfo,
): Promise<void> {
  const asked = selectedFields(info);
  const products = async () => {
    if (!['product', 'downloadOptions', 'hasActivationKeys'].some((f) => asked.has(f))) return;
    const ids = [...new Set(lines.map((l) => l.entity.productId))];
    const found = await productLoader(ctx).loadMany(ids);
    const byProduct = new Map(ids.map((id, i) => [id, found[i]]));
    for (const line of lines) {
      const product = byProduct.get(line.entity.productId);
      if (product instanceof Error) throw product;
      line.productEntity = product ?? null;
    }
  };
  const links = async () => {
    if (!asked.has('links')) return;
    const now = ctx.clock.now();
    // D8: nothing of a cancelled line is live.
    const live = lines.filter((l) => l.entity.status !== 'CANCELLED');
    const found = await liveLinksOfLineLoader(ctx).loadMany(live.map((l) => l.id));
    const all: DownloadLink[] = [];
    for (const line of lines) prefetchedLinks.set(line, []);
    live.forEach((line, i) => {
      const rows = found[i];
      if (rows instanceof Error) throw rows;
      const mapped = rows!.map((link) => DownloadLink.of(link, now));
      prefetchedLinks.set(line, mapped);
      all.push(...mapped);
    });
    if (all.length === 0 || !selectedFields(info, ['links']).has('issuedBy')) return;
    const issuerIds = [...new Set(all.map((l) => l.entity.issuedByUserId))];
    const users = await userLoader(ctx).loadMany(issuerIds);
    const refs = new Map(
      issuerIds.map((id, i) => {
        const user = users[i];
        if (user instanceof Error) throw user;
        return [id, user ? userRef(user) : null] as const;
      }),
    );
    for (const link of all) link.issuer = refs.get(link.entity.issuedByUserId) ?? null;
  };
  await Promise.all([products(), links()]);
}

const userRef = (user: { displayName: string; email: string }) =>
  Object.assign(new UserRef(), { displayName: user.displayName, email: user.email });

const downloadOptionsOf = (product: ProductEntity | null | undefined) =>
  Object.assign(
    new DownloadOptionsType(),
    product?.downloadOptions ?? { versions: [], languages: [], fileTypes: [] },
  );

@Resolver(() => OrderLine)
export class SoftwareLineResolver {
  @FieldResolver(() => DownloadOptionsType, {
    // B3, D2
    description: 'What the SKU can be downloaded as.',
  })
  downloadOptions(
    @Root() line: OrderLine,
    @Ctx() ctx: RequestContext,
  ): DownloadOptionsType | Promise<DownloadOptionsType> {
    if (line.productEntity !== undefined) return downloadOptionsOf(line.productEntity);
    return productLoader(ctx).load(line.entity.productId).then(downloadOptionsOf);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the product has an activation key.' })
  hasActivationKeys(
    @Root() line: OrderLine,
    @Ctx() ctx: RequestContext,
  ): boolean | Promise<boolean> {
    if (line.productEntity !== undefined) return line.productEntity?.hasActivationKeys ?? false;
    return productLoader(ctx)
      .load(line.entity.productId)
      .then((product) => product?.hasActivationKeys ?? false);
  }

  @FieldResolver(() => Date, { description: 'When the line was bought.' })
  purchasedAt(@Root() line: OrderLine): Date {
    return line.entity.purchasedAt;
  }

  @FieldResolver(() => [DownloadLink], {
    // D4
    description:
      'The links still live (not expired, used up or revoked), with downloads used and expiry; empty once cancelled.',
  })
  links(
    @Root() line: OrderLine,
    @Ctx() ctx: RequestContext,
  ): DownloadLink[] | Promise<DownloadLink[]> {
    if (line.entity.status === 'CANCELLED') return []; // D8: nothing of a cancelled line is live
    const prefetched = prefetchedLinks.get(line);
    if (prefetched) return prefetched;
    const now = ctx.clock.now();
    return liveLinksOfLineLoader(ctx)
      .load(line.id)
      .then((links) => links.map((link) => DownloadLink.of(link, now)));
  }

  @Mutation(() => KeysAndDownloads, {
    // D2–D6; R3
    description:
      'Reveals the activation key and issues a fresh download link (Admin agent only). Each attempt is recorded in the activity log.',
  })
  async getKeysAndDownloads(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GetKeysAndDownloadsInput, {
      description: 'The software line, and the version, language and file type to download.',
    })
    input: GetKeysAndDownloadsInput,
  ): Promise<KeysAndDownloads> {
    const now = ctx.clock.now();
    const result = await getKeysAndDownloads(
      ctx.db,
      ctx.vault,
      ctx.actor,
      { lineId: input.lineId, choice: choiceOf(input) },
      now,
    );
    let link: IssuedDownloadLink | null = null;
    if (result.link && result.token) {
      link = Object.assign(new IssuedDownloadLink(), DownloadLink.of(result.link, now), {
        url: `${ctx.publicUrl}/downloads/${result.token}`,
        fileName: downloadFileName(result.product.name, result.link),
      });
    }
    return Object.assign(new KeysAndDownloads(), {
      line: OrderLine.of(result.line),
      activationKey: result.activationKey,
      link,
    });
  }
}

@Resolver(() => DownloadLink)
export class DownloadLinkResolver {
  @FieldResolver(() => UserRef, { nullable: true, description: 'Who issued the link.' })
  issuedBy(
    @Root() link: DownloadLink,
    @Ctx() ctx: RequestContext,
  ): UserRef | null | Promise<UserRef | null> {
    if (link.issuer !== undefined) return link.issuer;
    return userLoader(ctx)
      .load(link.entity.issuedByUserId)
      .then((user) => (user ? userRef(user) : null));
  }
}
