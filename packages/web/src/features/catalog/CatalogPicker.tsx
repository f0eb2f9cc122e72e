import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, InfoRegular } from '@fluentui/react-icons';
import { MAX_QUANTITY, quantityTextSchema, validateInput } from '@csp/domain';
import { fieldErrorText } from '../../app/forms/field-error-text';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/useI18n';
import { cancellationText, hybridBenefitNote, unavailableReason } from './catalog-text';
import { skuText } from './sku-text';
import type { Money } from '@csp/domain';
import type { ReactNode } from 'react';
import type { CartLine, CatalogProduct, ReviewLine } from './useAddProducts';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)',
    gap: '20px',
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    minWidth: 0,
  },
  radios: { display: 'flex', flexDirection: 'column', gap: '4px' },
  product: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '4px 0',
  },
  // Fluent greys an unchecked radio's label; a product you can buy reads at full contrast.
  availableProduct: { color: tokens.colorNeutralForeground1 },
  productName: { fontWeight: tokens.fontWeightSemibold },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '4px 12px',
    color: tokens.colorNeutralForeground2,
  },
  reason: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: {
    display: 'flex',
    gap: '6px',
    color: tokens.colorNeutralForeground2,
    alignItems: 'flex-start',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'flex-end' },
  sku: { flexGrow: 1, minWidth: 'min(220px, 100%)', maxWidth: '100%' },
  // A native select is as wide as its longest option unless told otherwise: keep it in its card.
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
  quantity: { width: '120px' },
  cart: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  cartLine: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: '8px',
    padding: '8px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cartText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  total: {
    display: 'flex',
    justifyContent: 'space-between',
    fontWeight: tokens.fontWeightSemibold,
  },
});

interface Props {
  catalog: readonly CatalogProduct[];
  market: string;
  cart: readonly CartLine[];
  lines: readonly ReviewLine[];
  total: Money | null;
  taxIncluded: boolean;
  onAdd(skuId: string, quantity: number): void;
  onRemove(skuId: string): void;
  /** Rendered under the cart: the Review order button. */
  footer: ReactNode;
}

/** B2, M2, B7: the catalog for the customer's market; pick product, SKU (term) and quantity. */
export function CatalogPicker({
  catalog,
  market,
  cart,
  lines,
  total,
  taxIncluded,
  onAdd,
  onRemove,
  footer,
}: Props) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [productId, setProductId] = useState('');
  const [skuId, setSkuId] = useState('');
  const [quantityText, setQuantityText] = useState('1');
  const [quantityTouched, setQuantityTouched] = useState(false);
  const choiceRef = useRef<HTMLDivElement>(null);
  const [scrollToChoice, setScrollToChoice] = useState(0);

  // Issue 14: in one column (a phone) the SKU and Quantity are far below the product list; bring
  // them into view when a product is picked, so the pick visibly does something. Focus stays on
  // the radio (arrow keys keep moving through the products).
  useEffect(() => {
    if (!scrollToChoice) return;
    const panel = choiceRef.current;
    if (!panel || !window.matchMedia?.('(max-width: 900px)').matches) return;
    const box = panel.getBoundingClientRect();
    if (box.top >= 0 && box.top < window.innerHeight / 2) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    panel.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [scrollToChoice]);

  const product = catalog.find((p) => p.id === productId && p.availability.available);
  // B2: the domain's quantity rule, the one placeOrder is validated with.
  const parsedQuantity = validateInput(quantityTextSchema, quantityText);
  const quantityError = parsedQuantity.ok ? null : parsedQuantity.errors[0]!;
  const selectedSku = product?.skus.find((s) => s.id === skuId && s.unitPrice);

  const skuLabel = (sku: CatalogProduct['skus'][number]) =>
    sku.unitPrice
      ? `${skuText(sku, i18n)} — ${t('addProducts.unitPrice', {
          price: i18n.money(sku.unitPrice),
          tax: i18n.tax(sku.taxIncluded),
        })}`
      : `${skuText(sku, i18n)} — ${t('addProducts.noPrice')}`;

  return (
    <div className={styles.layout}>
      <section className={styles.panel} aria-labelledby="catalog-heading">
        <Subtitle2 as="h2" id="catalog-heading">
          {t('addProducts.catalog', { market: i18n.country(market) })}
        </Subtitle2>
        <RadioGroup
          aria-labelledby="catalog-heading"
          value={productId}
          onChange={(_e, data) => {
            setProductId(data.value);
            const next = catalog.find((p) => p.id === data.value);
            setSkuId(next?.skus.find((s) => s.unitPrice)?.id ?? '');
            setScrollToChoice((n) => n + 1);
          }}
          className={styles.radios}
        >
          {catalog.map((item) => {
            const note = hybridBenefitNote(item, i18n);
            const available = item.availability.available;
            return (
              <Radio
                key={item.id}
                value={item.id}
                disabled={!available}
                label={
                  <span
                    className={mergeClasses(styles.product, available && styles.availableProduct)}
                  >
                    <span className={styles.productName}>{item.name}</span>
                    <span className={styles.meta}>
                      <Caption1>{i18n.productKind(item.kind)}</Caption1>
                      <Caption1>{cancellationText(item.cancellationTerms, i18n)}</Caption1>
                      {item.hasActivationKeys && (
                        <Caption1>{t('addProducts.activationKeys')}</Caption1>
                      )}
                    </span>
                    <Caption1>{item.description}</Caption1>
                    {!available && (
                      <Caption1 className={styles.reason}>
                        {t('addProducts.unavailable')}: {unavailableReason(item, market, i18n)}
                      </Caption1>
                    )}
                    {note && (
                      <Caption1 className={styles.note}>
                        <InfoRegular aria-hidden />
                        <span>
                          <strong>{t('addProducts.ahbTitle')}:</strong> {note}
                        </span>
                      </Caption1>
                    )}
                  </span>
                }
              />
            );
          })}
        </RadioGroup>
      </section>

      <div className={styles.panel} ref={choiceRef}>
        <Subtitle2 as="h2">{t('addProducts.product')}</Subtitle2>
        {product ? (
          <>
            <Text weight="semibold">{product.name}</Text>
            <div className={styles.row}>
              <Field label={t('addProducts.sku')} className={styles.sku}>
                <Select
                  className={styles.select}
                  value={skuId}
                  onChange={(_e, data) => setSkuId(data.value)}
                >
                  <option value="" disabled>
                    {t('addProducts.chooseSku')}
                  </option>
                  {product.skus.map((sku) => (
                    <option key={sku.id} value={sku.id} disabled={!sku.unitPrice}>
                      {skuLabel(sku)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={t('addProducts.quantity')}
                className={styles.quantity}
                validationMessage={
                  quantityTouched && quantityError
                    ? fieldErrorText(quantityError, i18n, 'quantity')
                    : undefined
                }
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_QUANTITY}
                  step={1}
                  value={quantityText}
                  onChange={(_e, data) => {
                    setQuantityText(data.value);
                    setQuantityTouched(true);
                  }}
                />
              </Field>
            </div>
            <div>
              <Button
                icon={<AddRegular />}
                disabled={!selectedSku || !parsedQuantity.ok}
                onClick={() => {
                  if (selectedSku && parsedQuantity.ok) {
                    onAdd(selectedSku.id, parsedQuantity.value);
                    setQuantityText('1');
                    setQuantityTouched(false);
                  }
                }}
              >
                {t('addProducts.addToOrder')}
              </Button>
            </div>
          </>
        ) : (
          <Body1>{t('addProducts.pickProductFirst')}</Body1>
        )}

        <Subtitle2 as="h2">{t('addProducts.cart')}</Subtitle2>
        {cart.length === 0 ? (
          <Body1 role="status">{t('addProducts.cartEmpty')}</Body1>
        ) : (
          <>
            <ul className={styles.cart} aria-label={t('addProducts.cart')}>
              {lines.map((line) => (
                <li key={line.sku.id} className={styles.cartLine}>
                  <span className={styles.cartText}>
                    <Text weight="semibold">{line.product.name}</Text>
                    <Caption1>
                      {skuText(line.sku, i18n)} × {i18n.number(line.quantity)}
                    </Caption1>
                  </span>
                  <span style={{ whiteSpace: 'nowrap' }}>{i18n.money(line.amount)}</span>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('addProducts.remove', { product: line.product.name })}
                    onClick={() => onRemove(line.sku.id)}
                  />
                </li>
              ))}
            </ul>
            {total && (
              <div className={styles.total}>
                <span>{t('addProducts.totalWithTax', { tax: i18n.tax(taxIncluded) })}</span>
                <span>{i18n.money(total)}</span>
              </div>
            )}
          </>
        )}
        {footer}
      </div>
    </div>
  );
}
