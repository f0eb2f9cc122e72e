import { IMPACTS, PROBLEM_TYPES } from '@csp/domain';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../shared/graphql-types.js';
import type { AttachmentEntity } from './attachment.entity.js';
import type { SupportRequestEntity } from './support-request.entity.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const ProblemTypeEnum = asEnum(PROBLEM_TYPES);
registerEnumType(ProblemTypeEnum, {
  name: 'ProblemType',
  description: 'S1: CSP_PURCHASE_REFUND is “CSP Purchase/Refund on behalf of customers”.',
});
export const ImpactEnum = asEnum(IMPACTS);
registerEnumType(ImpactEnum, { name: 'Impact' });

@ObjectType()
export class Attachment {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  fileName: string;

  @Field(() => String)
  contentType: string;

  @Field(() => Int)
  size: number;

  @Field(() => String, { description: 'Download it with the same session.' })
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

@ObjectType({ description: 'S3: a submitted support request.' })
export class SupportRequest {
  entity: SupportRequestEntity;

  @Field(() => ID, { description: 'The reference, e.g. SR-7KQ2M9D4WZ.' })
  id: string;

  @Field(() => ProblemTypeEnum)
  problemType: string;

  @Field(() => ImpactEnum)
  impact: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'SUBMITTED, IN_PROGRESS or RESOLVED.' })
  status: string;

  @Field(() => String)
  tenantOrDomain: string;

  @Field(() => String)
  orderOrSubscriptionId: string;

  @Field(() => String)
  refundReason: string;

  @Field(() => Money, { nullable: true })
  amountRequested: Money | null;

  @Field(() => String)
  details: string;

  @Field(() => String)
  contactName: string;

  @Field(() => String)
  contactEmail: string;

  @Field(() => String)
  contactPhone: string;

  @Field(() => String, { nullable: true })
  customerId: string | null;

  @Field(() => String, { nullable: true })
  productId: string | null;

  @Field(() => Date)
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

@InputType({
  description: 'S2: the fields of Report a problem. Refunds need tenant, order, reason and amount.',
})
export class CreateSupportRequestInput {
  @Field(() => ProblemTypeEnum)
  problemType: string;

  @Field(() => ImpactEnum)
  impact: string;

  @Field(() => String)
  title: string;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The customer’s tenant GUID or domain name.',
  })
  tenantOrDomain?: string | null;

  @Field(() => String, { nullable: true })
  orderOrSubscriptionId?: string | null;

  @Field(() => String, { nullable: true })
  refundReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'E4: the amount in the customer’s currency as decimal text: digits, and "." before at most the currency’s minor digits (2 for USD or EUR, none for KRW or JPY); no group separators, signs or exponents: "1250.00", "1250.5", "150000". Anything else ("12,50", "1,250.00") is refused on this field.',
  })
  amountRequested?: string | null;

  @Field(() => String, { nullable: true })
  details?: string | null;

  @Field(() => String)
  contactName: string;

  @Field(() => String)
  contactEmail: string;

  @Field(() => String)
  contactPhone: string;

  @Field(() => [ID], { nullable: true, description: 'Ids from POST /files uploads.' })
  attachmentIds?: string[] | null;
}
