import type { DownloadChoice } from '@csp/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
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
import { getKeysAndDownloads, softwareOfCustomer } from './software.service.js';
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
  if (!version || !language || !fileType)
    badInput('fileType', 'Pick a version, a language and a file type.');
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
    first?: number | null,
    @Arg('after', () => ID, {
      nullable: true,
      description: 'The last line’s id of the previous page.',
    })
    after?: string | null,
  ): Promise<OrderLine[]> {
    const actor = authorize(ctx.actor, 'READ_PARTNER_DATA');
    const all = await softwareOfCustomer(ctx.db, actor, customer.id);
    return pageAfterId(all, { first, after }, PAGED_FIELDS['Customer.software']!).map(OrderLine.of);
  }
}

@Resolver(() => OrderLine)
export class SoftwareLineResolver {
  @FieldResolver(() => DownloadOptionsType, {
    // B3, D2
    description: 'What the SKU can be downloaded as.',
  })
  async downloadOptions(
    @Root() line: OrderLine,
    @Ctx() ctx: RequestContext,
  ): Promise<DownloadOptionsType> {
    const product = await productLoader(ctx).load(line.entity.productId);
    return Object.assign(
      new DownloadOptionsType(),
      product?.downloadOptions ?? { versions: [], languages: [], fileTypes: [] },
    );
  }

  @FieldResolver(() => Boolean, { description: 'Whether the product has an activation key.' })
  async hasActivationKeys(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await productLoader(ctx).load(line.entity.productId))?.hasActivationKeys ?? false;
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
  async links(@Root() line: OrderLine, @Ctx() ctx: RequestContext): Promise<DownloadLink[]> {
    if (line.entity.status === 'CANCELLED') return []; // D8: nothing of a cancelled line is live
    const now = ctx.clock.now();
    return (await liveLinksOfLineLoader(ctx).load(line.id)).map((link) =>
      DownloadLink.of(link, now),
    );
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
  async issuedBy(@Root() link: DownloadLink, @Ctx() ctx: RequestContext): Promise<UserRef | null> {
    const user = await userLoader(ctx).load(link.entity.issuedByUserId);
    return user
      ? Object.assign(new UserRef(), { displayName: user.displayName, email: user.email })
      : null;
  }
}
