import { Field, ID, ObjectType } from 'type-graphql';
import { OperationTypeEnum, PageInfo } from '../../shared/graphql-types.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';

@ObjectType({ description: 'A1: one entry of the append-only activity log.' })
export class ActivityEntry {
  entity: ActivityEntryEntity;

  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => OperationTypeEnum)
  operation: string;

  @Field(() => String, { description: 'SUCCEEDED or FAILED.' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'The refusal code of a failed attempt.' })
  failureCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The user’s e-mail; null when a link holder acted.',
  })
  userEmail: string | null;

  @Field(() => String, { nullable: true, description: 'The link holder’s address (D7).' })
  remoteAddress: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => String)
  resource: string;

  @Field(() => String, { nullable: true })
  productName: string | null;

  @Field(() => String, { nullable: true })
  detail: string | null;

  static of(entity: ActivityEntryEntity): ActivityEntry {
    return Object.assign(new ActivityEntry(), {
      entity,
      id: entity.id,
      at: entity.at,
      operation: entity.operation,
      outcome: entity.outcome,
      failureCode: entity.failureCode,
      userEmail: entity.userEmail,
      remoteAddress: entity.remoteAddress,
      userAgent: entity.userAgent,
      resource: entity.resource,
      productName: entity.productName,
      // An hourly refusal entry (E6) says how many attempts it stands for.
      detail: entity.count > 1 ? `${entity.detail ?? ''} (×${entity.count})`.trim() : entity.detail,
    });
  }
}

@ObjectType()
export class ActivityEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => ActivityEntry)
  node: ActivityEntry;
}

@ObjectType()
export class ActivityConnection {
  @Field(() => [ActivityEdge])
  edges: ActivityEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => String, { description: 'Where to download this filter as CSV (same session).' })
  csvUrl: string;
}
