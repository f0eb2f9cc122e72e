import { errorMessage, marketName } from '@csp/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CancellationPolicyEnum, Money, ProductKindEnum } from '../../shared/graphql-types.js';
import type { CatalogProductView, CatalogView } from './catalog.service.js';

export const AZURE_HYBRID_BENEFIT_NOTE =
  'With the Azure Hybrid Benefit, Windows Server Datacenter and Standard licences covered by ' +
  'Software Assurance can run Windows Server virtual machines in Azure at a lower base rate, ' +
  'saving up to 40 percent.';

@ObjectType('DownloadOptions')
export class DownloadOptionsType {
  @Field(() => [String])
  versions: string[];

  @Field(() => [String])
  languages: string[];

  @Field(() => [String], { description: 'File types / operating systems.' })
  fileTypes: string[];
}

@ObjectType('CancellationTerms', {
  description: 'C1: the cancellation terms a purchase made now would get.',
})
export class CancellationTermsType {
  @Field(() => CancellationPolicyEnum)
  policy: string;

  @Field(() => Int, { nullable: true })
  windowDays: number | null;
}

@ObjectType()
export class Availability {
  @Field(() => Boolean)
  available: boolean;

  @Field(() => String, { nullable: true, description: 'M2: why not, as a stable code.' })
  reasonCode: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType()
export class CatalogSku {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Term in years (1 or 3); null when none.' })
  termYears: number | null;

  @Field(() => Money, { nullable: true, description: 'Unit price in the customer’s currency.' })
  unitPrice: Money | null;

  @Field(() => Boolean, { description: 'M3: whether the price includes tax.' })
  taxIncluded: boolean;
}

@ObjectType()
export class CatalogProduct {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ProductKindEnum)
  kind: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean)
  hasActivationKeys: boolean;

  @Field(() => String, { nullable: true, description: 'B7: the Azure Hybrid Benefit note.' })
  azureHybridBenefitNote: string | null;

  @Field(() => Availability)
  availability: Availability;

  @Field(() => CancellationTermsType)
  cancellationTerms: CancellationTermsType;

  @Field(() => DownloadOptionsType)
  downloadOptions: DownloadOptionsType;

  @Field(() => [CatalogSku])
  skus: CatalogSku[];

  static of(view: CatalogProductView, catalog: CatalogView): CatalogProduct {
    const { product, availability, policy } = view;
    return Object.assign(new CatalogProduct(), {
      id: product.id,
      name: product.name,
      kind: product.kind,
      description: product.description,
      hasActivationKeys: product.hasActivationKeys,
      azureHybridBenefitNote: product.azureHybridBenefit ? AZURE_HYBRID_BENEFIT_NOTE : null,
      availability: Object.assign(new Availability(), {
        available: availability.available,
        reasonCode: availability.available ? null : 'MARKET_UNAVAILABLE',
        reason: availability.available
          ? null
          : errorMessage('MARKET_UNAVAILABLE', 'en', {
              market: marketName(availability.market, 'en'),
            }),
      }),
      cancellationTerms: Object.assign(new CancellationTermsType(), {
        policy: policy.type,
        windowDays: policy.type === 'WINDOW' ? policy.windowDays : null,
      }),
      downloadOptions: Object.assign(new DownloadOptionsType(), product.downloadOptions),
      skus: view.skus.map(({ sku, unitPriceMinor }) =>
        Object.assign(new CatalogSku(), {
          id: sku.id,
          name: sku.name,
          termYears: sku.termYears,
          unitPrice: unitPriceMinor === null ? null : Money.of(unitPriceMinor, catalog.currency),
          taxIncluded: catalog.taxIncluded,
        }),
      ),
    });
  }
}
