import { downloadsLeft, linkState } from '@csp/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrderLine, UserRef } from '../orders/order.types.js';
import type { DownloadLinkEntity } from './download-link.entity.js';

@ObjectType({ description: 'D3, D4: a download link. Its token is never listed (D5).' })
export class DownloadLink {
  entity: DownloadLinkEntity;

  @Field(() => ID)
  id: string;

  @Field(() => String)
  version: string;

  @Field(() => String)
  language: string;

  @Field(() => String)
  fileType: string;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => Date, { description: '14 days after issue (D3).' })
  expiresAt: Date;

  @Field(() => Int)
  downloadsUsed: number;

  @Field(() => Int)
  maxDownloads: number;

  @Field(() => Int)
  downloadsLeft: number;

  @Field(() => String, { description: 'ACTIVE, EXPIRED, EXHAUSTED or REVOKED.' })
  state: string;

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

@ObjectType({ description: 'A link just issued: the only time its URL is shown (D5).' })
export class IssuedDownloadLink extends DownloadLink {
  @Field(() => String, {
    description: 'Hand this to the customer: it downloads without signing in.',
  })
  url: string;

  @Field(() => String)
  fileName: string;
}

@ObjectType()
export class KeysAndDownloads {
  @Field(() => OrderLine)
  line: OrderLine;

  @Field(() => String, {
    nullable: true,
    description: 'D6: the activation key, where the product has one.',
  })
  activationKey: string | null;

  @Field(() => IssuedDownloadLink, { nullable: true })
  link: IssuedDownloadLink | null;
}

@InputType()
export class GetKeysAndDownloadsInput {
  @Field(() => ID, { description: 'The software line (an order line) of the customer.' })
  lineId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Leave version, language and file type out to get only the key.',
  })
  version?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'File type / OS.' })
  fileType?: string | null;
}

export { UserRef };
