import { marketName } from '@csp/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  CancellationPolicyEnum,
  Money,
  ProductKindEnum,
  SkuUnitEnum,
} from '../../shared/graphql-types.js';
import { serverText, type Language } from '../../shared/i18n/server-text.js';
import type { CatalogProductView, CatalogView } from './catalog.service.js';

// B3, D2
@ObjectType('DownloadOptions', { description: 'What a product can be downloaded as.' })
export class DownloadOptionsType {
  @Field(() => [String], { description: 'The versions offered, e.g. "2022".' })
  versions: string[];

  @Field(() => [String], { description: 'The languages offered, e.g. "English".' })
  languages: string[];

  @Field(() => [String], { description: 'The file types or operating systems offered.' })
  fileTypes: string[];
}

// C1
@ObjectType('CancellationTerms', {
  description: 'The cancellation terms a purchase made now would get.',
})
export class CancellationTermsType {
  @Field(() => CancellationPolicyEnum, { description: 'How it may be cancelled.' })
  policy: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The cancellation window in days; null unless the policy is WINDOW.',
  })
  windowDays: number | null;
}

// M2
@ObjectType({ description: 'Whether a product can be bought for the customer’s market.' })
export class Availability {
  @Field(() => Boolean, { description: 'Whether it can be bought.' })
  available: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why not, as a stable code (e.g. MARKET_UNAVAILABLE); null when available.',
  })
  reasonCode: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why not, in words in the language of Accept-Language (English or Korean); null when available.',
  })
  reason: string | null;
}

@ObjectType({ description: 'A SKU of a product: what is actually bought, with its price.' })
export class CatalogSku {
  @Field(() => ID, { description: 'The SKU’s id, used when placing an order.' })
  id: string;

  @Field(() => String, { description: 'The SKU’s name.' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Term in years (1 or 3); null when none.' })
  termYears: number | null;

  // B3, issue 15: the unit as data, for clients that word it in their own language.
  @Field(() => SkuUnitEnum, {
    nullable: true,
    description: 'What one unit is; null for a SKU known only by its name.',
  })
  unit: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How many or which units: "16" cores, "1" device, "D2s v5", "1–2" vCPUs.',
  })
  unitSize: string | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Unit price in the customer’s currency; null when it has no price there.',
  })
  unitPrice: Money | null;

  @Field(() => Boolean, { description: 'Whether the price includes tax.' })
  taxIncluded: boolean;
}

// M1–M3, B3
@ObjectType({ description: 'A product in the catalog of one customer’s market.' })
export class CatalogProduct {
  @Field(() => ID, { description: 'The product’s id.' })
  id: string;

  @Field(() => String, { description: 'The product’s name.' })
  name: string;

  @Field(() => ProductKindEnum, { description: 'The kind of software.' })
  kind: string;

  @Field(() => String, {
    description:
      'What the product is, in a sentence or two, in the language of Accept-Language (English or Korean).',
  })
  description: string;

  @Field(() => Boolean, { description: 'Whether a purchase comes with an activation key.' })
  hasActivationKeys: boolean;

  // B7
  @Field(() => Boolean, {
    description: 'Whether the Azure Hybrid Benefit applies (the note is shown for these products).',
  })
  azureHybridBenefit: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The Azure Hybrid Benefit note in the language of Accept-Language (English or Korean), for products it applies to.',
  })
  azureHybridBenefitNote: string | null;

  @Field(() => Availability, { description: 'Whether it can be bought in the customer’s market.' })
  availability: Availability;

  @Field(() => CancellationTermsType, { description: 'How a purchase now could be cancelled.' })
  cancellationTerms: CancellationTermsType;

  @Field(() => DownloadOptionsType, { description: 'What it can be downloaded as.' })
  downloadOptions: DownloadOptionsType;

  @Field(() => [CatalogSku], { description: 'The SKUs that can be bought.' })
  skus: CatalogSku[];

  /** `language`: the caller's (Accept-Language), for the texts the API words itself. */
  static of(view: CatalogProductView, catalog: CatalogView, language: Language): CatalogProduct {
    const { product, availability, policy } = view;
    return Object.assign(new CatalogProduct(), {
      id: product.id,
      name: product.name,
      kind: product.kind,
      description: (language === 'ko' && product.descriptionKo) || product.description,
      hasActivationKeys: product.hasActivationKeys,
      azureHybridBenefit: product.azureHybridBenefit,
      azureHybridBenefitNote: product.azureHybridBenefit
        ? serverText(language, 'catalog.azureHybridBenefitNote')
        : null,
      availability: Object.assign(new Availability(), {
        available: availability.available,
        reasonCode: availability.available ? null : 'MARKET_UNAVAILABLE',
        reason: availability.available
          ? null
          : serverText(language, 'error.MARKET_UNAVAILABLE', {
              market: marketName(availability.market, language),
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
          unit: sku.unit,
          unitSize: sku.unitSize,
          unitPrice: unitPriceMinor === null ? null : Money.of(unitPriceMinor, catalog.currency),
          taxIncluded: catalog.taxIncluded,
        }),
      ),
    });
  }
}
