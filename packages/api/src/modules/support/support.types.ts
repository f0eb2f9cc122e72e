import {
  IMPACTS,
  MAX_ATTACHMENTS,
  PROBLEM_TYPES,
  type Impact,
  type ProblemType,
} from '@csp/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money, PageInfo } from '../../shared/graphql-types.js';
import { serverText } from '../../shared/i18n/server-text.js';
import type { AttachmentEntity } from './attachment.entity.js';
import type { SupportRequestEntity, SupportRequestStatus } from './support-request.entity.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
const describeValues = <T extends string>(values: readonly T[], descriptions: Record<T, string>) =>
  Object.fromEntries(values.map((v) => [v, { description: descriptions[v] }])) as {
    [K in T]: { description: string };
  };

// S1: for the explorer's reader, the English labels of Report a problem.
const PROBLEM_TYPE_DESCRIPTIONS = Object.fromEntries(
  PROBLEM_TYPES.map((type) => [type, `${serverText('en', `support.problemType.${type}`)}.`]),
) as Record<ProblemType, string>;
const IMPACT_DESCRIPTIONS: Record<Impact, string> = {
  LOW: 'Low: a question or a minor issue.',
  MEDIUM: 'Medium: work is slowed down.',
  HIGH: 'High: a customer is blocked.',
  CRITICAL: 'Critical: many customers are blocked.',
};

export const ProblemTypeEnum = asEnum(PROBLEM_TYPES);
export const SupportRequestStatusEnum = {
  SUBMITTED: 'SUBMITTED',
  IN_PROGRESS: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
} as const satisfies Record<SupportRequestStatus, SupportRequestStatus>;
registerEnumType(SupportRequestStatusEnum, {
  name: 'SupportRequestStatus',
  description: 'Where a support request stands.',
  valuesConfig: {
    SUBMITTED: { description: 'Received; nobody has taken it up yet.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    RESOLVED: { description: 'Answered and closed.' },
  },
});

registerEnumType(ProblemTypeEnum, {
  name: 'ProblemType',
  description: 'What a support request is about.',
  valuesConfig: describeValues(PROBLEM_TYPES, PROBLEM_TYPE_DESCRIPTIONS),
});
export const ImpactEnum = asEnum(IMPACTS);
registerEnumType(ImpactEnum, {
  name: 'Impact',
  description: 'How badly a problem affects the partner’s work.',
  valuesConfig: describeValues(IMPACTS, IMPACT_DESCRIPTIONS),
});

@ObjectType({ description: 'A file attached to a support request.' })
export class Attachment {
  @Field(() => ID, { description: 'The attachment’s id.' })
  id: string;

  @Field(() => String, { description: 'The file’s name as uploaded.' })
  fileName: string;

  @Field(() => String, { description: 'The file’s media type, e.g. "image/png".' })
  contentType: string;

  @Field(() => Int, { description: 'The file’s size in bytes.' })
  size: number;

  @Field(() => String, { description: 'Where to download it (same session).' })
  url: string;

  static of(entity: AttachmentEntity): Attachment {
    return Object.assign(new Attachment(), {
      id: entity.id,
      fileName: entity.fileName,
      contentType: entity.contentType,
      size: entity.size,
      url: `/files/${entity.id}`,
    });
  }
}

// S3
@ObjectType({ description: 'A support request the partner submitted (Report a problem).' })
export class SupportRequest {
  entity: SupportRequestEntity;

  @Field(() => ID, { description: 'The reference, e.g. SR-7KQ2M9D4WZ.' })
  id: string;

  @Field(() => ProblemTypeEnum, { description: 'What the request is about.' })
  problemType: string;

  @Field(() => ImpactEnum, { description: 'How badly the problem affects the partner.' })
  impact: string;

  @Field(() => String, { description: 'A one-line summary.' })
  title: string;

  @Field(() => SupportRequestStatusEnum, { description: 'Where the request stands.' })
  status: SupportRequestStatus;

  @Field(() => String, {
    description: 'The customer’s tenant GUID or domain name; empty when not given.',
  })
  tenantOrDomain: string;

  @Field(() => String, {
    description: 'The order or subscription concerned; empty when not given.',
  })
  orderOrSubscriptionId: string;

  @Field(() => String, { description: 'Why a refund is asked for; empty when not a refund.' })
  refundReason: string;

  @Field(() => Money, { nullable: true, description: 'The refund asked for, if any.' })
  amountRequested: Money | null;

  @Field(() => String, { description: 'The problem in the submitter’s words; may be empty.' })
  details: string;

  @Field(() => String, { description: 'Who support should contact.' })
  contactName: string;

  @Field(() => String, { description: 'The contact’s e-mail address.' })
  contactEmail: string;

  @Field(() => String, { description: 'The contact’s phone number.' })
  contactPhone: string;

  @Field(() => String, { nullable: true, description: 'The customer concerned, if chosen.' })
  customerId: string | null;

  @Field(() => String, { nullable: true, description: 'The product concerned, if chosen.' })
  productId: string | null;

  @Field(() => Date, { description: 'When the request was submitted.' })
  createdAt: Date;

  static of(e: SupportRequestEntity): SupportRequest {
    return Object.assign(new SupportRequest(), {
      entity: e,
      id: e.id,
      problemType: e.problemType,
      impact: e.impact,
      title: e.title,
      status: e.status,
      tenantOrDomain: e.tenantOrDomain,
      orderOrSubscriptionId: e.orderOrSubscriptionId,
      refundReason: e.refundReason,
      amountRequested:
        e.amountRequestedMinor !== null && e.amountCurrency
          ? Money.of(e.amountRequestedMinor, e.amountCurrency)
          : null,
      details: e.details,
      contactName: e.contactName,
      contactEmail: e.contactEmail,
      contactPhone: e.contactPhone,
      customerId: e.customerId,
      productId: e.productId,
      createdAt: e.createdAt,
    });
  }
}

// S2
@InputType({
  description:
    'The fields of Report a problem. A refund (CSP_PURCHASE_REFUND) also needs the tenant, order, reason and amount.',
})
export class CreateSupportRequestInput {
  @Field(() => ProblemTypeEnum, { description: 'What the request is about.' })
  problemType: string;

  @Field(() => ImpactEnum, { description: 'How badly the problem affects the partner.' })
  impact: string;

  @Field(() => String, { description: 'A one-line summary.' })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The customer concerned, if any.' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The product concerned, if any.' })
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The customer’s tenant GUID or domain name.',
  })
  tenantOrDomain?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The order ID or subscription ID concerned.',
  })
  orderOrSubscriptionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why a refund is asked for.' })
  refundReason?: string | null;

  @Field(() => String, {
    nullable: true,
    // E4
    description:
      'The refund asked for, in the customer’s currency as decimal text: digits, and "." before at most the currency’s minor digits (2 for USD or EUR, none for KRW or JPY); no group separators, signs or exponents: "1250.00", "1250.5", "150000". Anything else ("12,50", "1,250.00") is refused on this field.',
  })
  amountRequested?: string | null;

  @Field(() => String, { nullable: true, description: 'The problem in your own words.' })
  details?: string | null;

  @Field(() => String, { description: 'Who support should contact.' })
  contactName: string;

  @Field(() => String, { description: 'The contact’s e-mail address.' })
  contactEmail: string;

  @Field(() => String, { description: 'The contact’s phone number, e.g. +82 2 1234 5678.' })
  contactPhone: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Ids of files uploaded with POST /files; at most ${MAX_ATTACHMENTS}.`,
  })
  attachmentIds?: string[] | null;
}

@ObjectType({ description: 'A support request with its cursor.' })
export class SupportRequestEdge {
  @Field(() => String, { description: 'Pass as `after` to get the requests after this one.' })
  cursor: string;

  @Field(() => SupportRequest, { description: 'The support request.' })
  node: SupportRequest;
}

@ObjectType({ description: 'A page of the partner’s support requests.' })
export class SupportRequestConnection {
  @Field(() => [SupportRequestEdge], { description: 'The requests on this page, newest first.' })
  edges: SupportRequestEdge[];

  @Field(() => PageInfo, {
    description: 'Whether more requests follow, and the cursor to get them.',
  })
  pageInfo: PageInfo;
}
