import {
  downloadsLeft,
  LINK_LIFETIME_DAYS,
  LINK_STATES,
  linkState,
  type LinkState,
} from '@csp/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderLine, UserRef } from '../orders/order.types.js';
import type { DownloadLinkEntity } from './download-link.entity.js';

// D3, D4; its token is never listed (D5).

const LINK_STATE_DESCRIPTIONS: Record<LinkState, string> = {
  ACTIVE: 'It downloads.',
  EXPIRED: 'Its lifetime is over.',
  EXHAUSTED: 'Every download it allows has been used.',
  REVOKED: 'Its purchase was cancelled.',
};
export const LinkStateEnum = Object.fromEntries(LINK_STATES.map((s) => [s, s])) as {
  [K in LinkState]: K;
};
registerEnumType(LinkStateEnum, {
  name: 'LinkState',
  description: 'Whether a download link still works.',
  valuesConfig: Object.fromEntries(
    LINK_STATES.map((s) => [s, { description: LINK_STATE_DESCRIPTIONS[s] }]),
  ) as Record<LinkState, { description: string }>,
});
@ObjectType({
  description: 'A download link issued for a software line. Its URL is shown only when issued.',
})
export class DownloadLink {
  entity: DownloadLinkEntity;

  /** Who issued it, when the parent read the issuers of a whole page (issue 13). */
  issuer?: UserRef | null;

  @Field(() => ID, { description: 'The link’s id.' })
  id: string;

  @Field(() => String, { description: 'The version it downloads.' })
  version: string;

  @Field(() => String, { description: 'The language it downloads.' })
  language: string;

  @Field(() => String, { description: 'The file type or operating system it downloads.' })
  fileType: string;

  @Field(() => Date, { description: 'When the link was issued.' })
  issuedAt: Date;

  @Field(() => Date, {
    description: `When the link expires: ${LINK_LIFETIME_DAYS} days after issue.`,
  })
  expiresAt: Date;

  @Field(() => Int, { description: 'How many downloads the link has served.' })
  downloadsUsed: number;

  @Field(() => Int, { description: 'How many downloads the link allows in all.' })
  maxDownloads: number;

  @Field(() => Int, { description: 'How many downloads remain: maxDownloads − downloadsUsed.' })
  downloadsLeft: number;

  @Field(() => LinkStateEnum, { description: 'Whether the link still downloads, and if not why.' })
  state: LinkState;

  static of(entity: DownloadLinkEntity, now: Date): DownloadLink {
    return Object.assign(new DownloadLink(), {
      entity,
      id: entity.id,
      version: entity.version,
      language: entity.language,
      fileType: entity.fileType,
      issuedAt: entity.issuedAt,
      expiresAt: entity.expiresAt,
      downloadsUsed: entity.downloadsUsed,
      maxDownloads: entity.maxDownloads,
      downloadsLeft: downloadsLeft(entity),
      state: linkState(entity, now),
    });
  }
}

// D5
@ObjectType({ description: 'A link just issued: the only time its URL is shown.' })
export class IssuedDownloadLink extends DownloadLink {
  @Field(() => String, {
    description: 'Hand this to the customer: it downloads without signing in.',
  })
  url: string;

  @Field(() => String, { description: 'The name the downloaded file is saved under.' })
  fileName: string;
}

@ObjectType({ description: 'An activation key and a fresh download link for a software line.' })
export class KeysAndDownloads {
  @Field(() => OrderLine, { description: 'The software line.' })
  line: OrderLine;

  // D6
  @Field(() => String, {
    nullable: true,
    description: 'The activation key, where the product has one.',
  })
  activationKey: string | null;

  @Field(() => IssuedDownloadLink, {
    nullable: true,
    description: 'The link just issued; null when only the key was asked for.',
  })
  link: IssuedDownloadLink | null;
}

@InputType({ description: 'Which software line, and what to download.' })
export class GetKeysAndDownloadsInput {
  @Field(() => ID, { description: 'The software line (an order line) of the customer.' })
  lineId: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The version to download. Leave version, language and file type out to get only the key.',
  })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'The language to download.' })
  language?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The file type or operating system to download.',
  })
  fileType?: string | null;
}

export { UserRef };
