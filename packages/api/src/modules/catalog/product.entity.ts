import type { DownloadOptions, ProductKind } from '@csp/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { booleanNumber } from '../../shared/transformers.js';

@Entity('products')
export class ProductEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ProductKind;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  /** The description in Korean (catalog data, like Microsoft's localized offers); null: none. */
  @Column({ name: 'description_ko', type: 'varchar', length: 500, nullable: true })
  descriptionKo: string | null;

  @Column({ name: 'has_activation_keys', type: 'boolean', transformer: booleanNumber })
  hasActivationKeys: boolean;

  /** B7: Windows Server products carry the Azure Hybrid Benefit note. */
  @Column({ name: 'azure_hybrid_benefit', type: 'boolean', transformer: booleanNumber })
  azureHybridBenefit: boolean;

  @Column({ name: 'download_options', type: 'simple-json' })
  downloadOptions: DownloadOptions;
}
