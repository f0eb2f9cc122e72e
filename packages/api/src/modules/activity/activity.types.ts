import type { OperationOutcome } from '@csp/domain';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { firstDescription } from '../../shared/graphql-limits.js';
import { OperationTypeEnum, PageInfo } from '../../shared/graphql-types.js';
import { isActivityDetailCode } from '@csp/domain';
import type { Language } from '../../shared/i18n/server-text.js';
import type { Customer } from '../customers/customer.types.js';
import { activityDetailText } from './activity-detail.js';
import type { ActivityEntryEntity } from './activity-entry.entity.js';
import type { ActivityFilter } from './activity-log.service.js';

export const OperationOutcomeEnum = {
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
} as const satisfies Record<OperationOutcome, OperationOutcome>;
registerEnumType(OperationOutcomeEnum, {
  name: 'OperationOutcome',
  description: 'Whether a recorded attempt succeeded.',
  valuesConfig: {
    SUCCEEDED: { description: 'It was done.' },
    FAILED: { description: 'It was refused; the failure code says why.' },
  },
});

// Issue 15
@ObjectType({ description: 'One named fact of an activity entry’s detail.' })
export class ActivityDetailParam {
  @Field(() => String, { description: 'The fact’s name, e.g. "version" or "period".' })
  name: string;

  @Field(() => String, { description: 'Its value, as text (instants in ISO 8601).' })
  value: string;
}

/** A1–A3: the arguments of `activityLog`: a period, optional filters, and a page. */
@ArgsType()
export class ActivityLogArgs {
  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from: Date;

  @Field(() => Date, {
    description: 'End of the period (exclusive); at most three years after `from`.',
  })
  to: Date;

  @Field(() => [OperationTypeEnum], {
    nullable: true,
    description: 'Only these operations; leave out (or pass an empty list) for all of them.',
  })
  operationTypes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer’s entries.' })
  customerId?: string | null;

  @Field(() => Int, { nullable: true, description: firstDescription('Query.activityLog') })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

// A1
@ObjectType({ description: 'One entry of the partner’s append-only activity log.' })
export class ActivityEntry {
  entity: ActivityEntryEntity;

  /** Its customer, when the page's customers were read at once (issue 13); null: none. */
  customerRef?: Customer | null;

  @Field(() => ID, { description: 'The entry’s id.' })
  id: string;

  @Field(() => Date, { description: 'When the operation happened.' })
  at: Date;

  @Field(() => OperationTypeEnum, { description: 'What was done.' })
  operation: string;

  @Field(() => OperationOutcomeEnum, { description: 'Whether the attempt succeeded.' })
  outcome: OperationOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'Why a failed attempt was refused, as a stable error code.',
  })
  failureCode: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The signed-in user’s e-mail; null when someone holding a download link acted.',
  })
  userEmail: string | null;

  // D7
  @Field(() => String, {
    nullable: true,
    description: 'The IP address of a download link holder (downloads without signing in).',
  })
  remoteAddress: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The browser or client that made the request.',
  })
  userAgent: string | null;

  @Field(() => String, {
    description: 'What the operation acted on, as kind:id, e.g. "order:" and the order ID.',
  })
  resource: string;

  @Field(() => String, { nullable: true, description: 'The product concerned, if any.' })
  productName: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'More about the operation, in the language of Accept-Language (English or Korean); repeated refusals end in “(×n)”, the attempt count.',
  })
  detail: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the detail says, as a stable code: LINK_ISSUED, DOWNLOADED, REFUSED_IN_HOUR, SUPPORT_REQUEST or CANCELLATION_CREDIT; null when there is none.',
  })
  detailCode: string | null;

  @Field(() => [ActivityDetailParam], {
    description: 'The facts the detail code is worded with; empty without a code.',
  })
  detailParams: ActivityDetailParam[];

  @Field(() => Int, { description: 'How many attempts the entry stands for (hourly refusals).' })
  count: number;

  /** `language`: the caller's (Accept-Language), for the detail's words. */
  static of(entity: ActivityEntryEntity, language: Language = 'en'): ActivityEntry {
    const params = parseParams(entity.detailParams);
    const code = isActivityDetailCode(entity.detailCode) ? entity.detailCode : null;
    const text = code ? activityDetailText(language, code, params) : entity.detail;
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
      detail: entity.count > 1 ? `${text ?? ''} (×${entity.count})`.trim() : text,
      detailCode: code,
      detailParams: Object.entries(params).map(([name, value]) =>
        Object.assign(new ActivityDetailParam(), { name, value: String(value) }),
      ),
      count: entity.count,
    });
  }
}

@ObjectType({ description: 'An activity log entry and its cursor.' })
export class ActivityEdge {
  @Field(() => String, { description: 'Pass as `after` to get the entries after this one.' })
  cursor: string;

  @Field(() => ActivityEntry, { description: 'The entry.' })
  node: ActivityEntry;
}

@ObjectType({ description: 'A page of the activity log, newest first.' })
export class ActivityConnection {
  @Field(() => [ActivityEdge], { description: 'The entries on this page.' })
  edges: ActivityEdge[];

  @Field(() => PageInfo, {
    description: 'Whether more entries follow, and the cursor to get them.',
  })
  pageInfo: PageInfo;

  @Field(() => String, {
    description: 'Where to download every entry this filter matches as CSV (same session).',
  })
  csvUrl: string;

  /** The validated filter, for `totalCount` (counted only when asked for). */
  filter: ActivityFilter;
}

/** The stored facts of a detail; anything unreadable counts as none. */
function parseParams(stored: string | null): Record<string, string | number> {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}
