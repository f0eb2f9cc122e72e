import {
  CURRENCIES,
  money,
  prorate,
  currencyExponent,
  type CurrencyCode,
  type DownloadOptions,
  type ProductKind,
  type SkuUnit,
  type TermYears,
} from '@csp/domain';
import type { EntityManager } from 'typeorm';
import { PriceEntity } from '../modules/catalog/price.entity.js';
import { ProductEntity } from '../modules/catalog/product.entity.js';
import { SkuEntity } from '../modules/catalog/sku.entity.js';

const LANGUAGES = ['English', 'Korean', 'Japanese', 'German', 'Portuguese (Brazil)'];
const NO_DOWNLOADS: DownloadOptions = { versions: [], languages: [], fileTypes: [] };

interface ProductSeed {
  id: string;
  name: string;
  kind: ProductKind;
  description: string;
  /** The description in Korean. */
  descriptionKo: string;
  hasActivationKeys: boolean;
  azureHybridBenefit?: boolean;
  downloadOptions: DownloadOptions;
  /** US dollar list price in cents per term (null: no term). */
  skus: { term: TermYears; name: string; unit: SkuUnit; size: string; usdCents: number }[];
}

export const PRODUCTS: ProductSeed[] = [
  {
    id: 'windows-server-2022-datacenter',
    name: 'Windows Server 2022 Datacenter',
    kind: 'SERVER_SUBSCRIPTION',
    description: 'Windows Server Datacenter subscription, 16 core licence pack.',
    descriptionKo: 'Windows Server Datacenter 구독, 16코어 라이선스 팩.',
    hasActivationKeys: true,
    azureHybridBenefit: true,
    downloadOptions: {
      versions: ['2022', '2019'],
      languages: LANGUAGES,
      fileTypes: ['ISO (x64)', 'VHDX (x64)'],
    },
    skus: [
      { term: 1, name: '16-core pack, 1 year', unit: 'CORE_PACK', size: '16', usdCents: 1_220_000 },
      {
        term: 3,
        name: '16-core pack, 3 years',
        unit: 'CORE_PACK',
        size: '16',
        usdCents: 3_294_000,
      },
    ],
  },
  {
    id: 'windows-server-2022-standard',
    name: 'Windows Server 2022 Standard',
    kind: 'SERVER_SUBSCRIPTION',
    description: 'Windows Server Standard subscription, 16 core licence pack.',
    descriptionKo: 'Windows Server Standard 구독, 16코어 라이선스 팩.',
    hasActivationKeys: true,
    azureHybridBenefit: true,
    downloadOptions: { versions: ['2022', '2019'], languages: LANGUAGES, fileTypes: ['ISO (x64)'] },
    skus: [
      { term: 1, name: '16-core pack, 1 year', unit: 'CORE_PACK', size: '16', usdCents: 209_900 },
      { term: 3, name: '16-core pack, 3 years', unit: 'CORE_PACK', size: '16', usdCents: 566_700 },
    ],
  },
  {
    id: 'sql-server-2022-standard',
    name: 'SQL Server 2022 Standard',
    kind: 'SERVER_SUBSCRIPTION',
    description: 'SQL Server Standard subscription, 2 core licence pack.',
    descriptionKo: 'SQL Server Standard 구독, 2코어 라이선스 팩.',
    hasActivationKeys: true,
    downloadOptions: {
      versions: ['2022', '2019'],
      languages: LANGUAGES,
      fileTypes: ['ISO (x64)', 'CAB (x64)'],
    },
    skus: [
      { term: 1, name: '2-core pack, 1 year', unit: 'CORE_PACK', size: '2', usdCents: 189_900 },
      { term: 3, name: '2-core pack, 3 years', unit: 'CORE_PACK', size: '2', usdCents: 512_700 },
    ],
  },
  {
    id: 'office-ltsc-professional-plus-2024',
    name: 'Office LTSC Professional Plus 2024',
    kind: 'PERPETUAL_SOFTWARE',
    description: 'Perpetual licence of Office LTSC Professional Plus 2024 for one device.',
    descriptionKo: '기기 1대용 Office LTSC Professional Plus 2024 영구 라이선스.',
    hasActivationKeys: true,
    downloadOptions: {
      versions: ['2024'],
      languages: LANGUAGES,
      fileTypes: ['ISO (x64)', 'ISO (x86)'],
    },
    skus: [
      { term: null, name: 'Perpetual, 1 device', unit: 'DEVICE', size: '1', usdCents: 58_900 },
    ],
  },
  {
    id: 'sql-server-2022-enterprise-perpetual',
    name: 'SQL Server 2022 Enterprise (perpetual)',
    kind: 'PERPETUAL_SOFTWARE',
    description: 'Perpetual licence of SQL Server Enterprise, 2 core licence pack.',
    descriptionKo: 'SQL Server Enterprise 영구 라이선스, 2코어 라이선스 팩.',
    hasActivationKeys: true,
    downloadOptions: { versions: ['2022'], languages: LANGUAGES, fileTypes: ['ISO (x64)'] },
    skus: [
      {
        term: null,
        name: 'Perpetual, 2-core pack',
        unit: 'CORE_PACK',
        size: '2',
        usdCents: 1_585_900,
      },
    ],
  },
  {
    id: 'azure-reserved-vm-d2s-v5',
    name: 'Azure Reserved VM Instance, D2s v5',
    kind: 'AZURE_RESERVATION',
    description: 'Reserved capacity for one D2s v5 virtual machine in a region of your choice.',
    descriptionKo: '원하는 지역의 D2s v5 가상 머신 1대에 대한 예약 용량.',
    hasActivationKeys: false,
    downloadOptions: NO_DOWNLOADS,
    skus: [
      { term: 1, name: 'D2s v5, 1 year', unit: 'VM_INSTANCE', size: 'D2s v5', usdCents: 73_800 },
      { term: 3, name: 'D2s v5, 3 years', unit: 'VM_INSTANCE', size: 'D2s v5', usdCents: 143_600 },
    ],
  },
  {
    id: 'windows-7-esu-2020',
    name: 'Windows 7 Extended Security Updates 2020',
    kind: 'WINDOWS_7_ESU',
    description: 'Security updates for Windows 7 Professional and Enterprise devices, year 2020.',
    descriptionKo: 'Windows 7 Professional 및 Enterprise 기기용 보안 업데이트, 2020년.',
    hasActivationKeys: true,
    downloadOptions: {
      versions: ['ESU 2020'],
      languages: ['English'],
      fileTypes: ['MSU (x64)', 'MSU (x86)'],
    },
    skus: [{ term: null, name: 'Per device, 2020', unit: 'DEVICE', size: '1', usdCents: 5_000 }],
  },
  {
    id: 'suse-linux-enterprise-server-plan',
    name: 'SUSE Linux Enterprise Server software plan in Azure',
    kind: 'LINUX_SOFTWARE_PLAN',
    description: 'Prepaid SUSE Linux Enterprise Server software charges for Azure VMs (1–2 vCPU).',
    descriptionKo: 'Azure VM(가상 CPU 1–2개)용 SUSE Linux Enterprise Server 소프트웨어 요금 선불.',
    hasActivationKeys: false,
    downloadOptions: NO_DOWNLOADS,
    skus: [
      { term: 1, name: '1–2 vCPU, 1 year', unit: 'VCPU', size: '1–2', usdCents: 52_600 },
      { term: 3, name: '1–2 vCPU, 3 years', unit: 'VCPU', size: '1–2', usdCents: 142_000 },
    ],
  },
  {
    id: 'red-hat-enterprise-linux-plan',
    name: 'Red Hat Enterprise Linux software plan in Azure',
    kind: 'LINUX_SOFTWARE_PLAN',
    description: 'Prepaid Red Hat Enterprise Linux software charges for Azure VMs (1–4 vCPU).',
    descriptionKo: 'Azure VM(가상 CPU 1–4개)용 Red Hat Enterprise Linux 소프트웨어 요금 선불.',
    hasActivationKeys: false,
    downloadOptions: NO_DOWNLOADS,
    skus: [
      { term: 1, name: '1–4 vCPU, 1 year', unit: 'VCPU', size: '1–4', usdCents: 52_560 },
      { term: 3, name: '1–4 vCPU, 3 years', unit: 'VCPU', size: '1–4', usdCents: 141_900 },
    ],
  },
];

/** Price-list rates: major units of each currency per US dollar, as integers over 100. */
const RATE_PER_USD_X100: Record<CurrencyCode, number> = {
  USD: 100,
  EUR: 92,
  GBP: 79,
  AUD: 167, // includes 10 % GST: Australian prices include tax (M3)
  BRL: 594, // includes tax (M3)
  CAD: 137,
  CHF: 88,
  CNY: 724,
  DKK: 686,
  INR: 8_350,
  JPY: 15_000,
  KRW: 139_000,
  MXN: 1_710,
  NOK: 1_070,
  NZD: 166,
  SEK: 1_050,
  SGD: 135,
};

/** A list price in a currency, in whole minor units, rounded to a tidy step (integers only). */
export function priceIn(currency: CurrencyCode, usdCents: number): number {
  // Integer arithmetic only (M4): usdCents × rate / 100 gives cents of the currency, rounded
  // half-up; currencies without a minor unit then drop to whole units in whole hundreds.
  const cents = prorate(money(usdCents, 'USD'), RATE_PER_USD_X100[currency], 100).amountMinor;
  if (currencyExponent(currency) === 2) return cents;
  const hundreds = prorate(money(cents, 'USD'), 1, 100 * 100).amountMinor;
  return hundreds * 100;
}

export const skuId = (productId: string, term: TermYears) =>
  `${productId}:${term === null ? 'perpetual' : `${term}y`}`;

export async function seedCatalog(m: EntityManager): Promise<void> {
  for (const product of PRODUCTS) {
    await m.insert(ProductEntity, {
      id: product.id,
      name: product.name,
      kind: product.kind,
      description: product.description,
      descriptionKo: product.descriptionKo,
      hasActivationKeys: product.hasActivationKeys,
      azureHybridBenefit: product.azureHybridBenefit ?? false,
      downloadOptions: product.downloadOptions,
    });
    for (const sku of product.skus) {
      const id = skuId(product.id, sku.term);
      await m.insert(SkuEntity, {
        id,
        productId: product.id,
        name: sku.name,
        termYears: sku.term,
        unit: sku.unit,
        unitSize: sku.size,
      });
      await m.insert(
        PriceEntity,
        CURRENCIES.map((currency) => ({
          skuId: id,
          currency,
          amountMinor: priceIn(currency, sku.usdCents),
        })),
      );
    }
  }
}
