import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useI18n } from '../../app/i18n/useI18n';
import { hasMessage } from '../../app/i18n/messages';
import { withLanguage } from '../../app/i18n/language-choice';

export const useInvoiceStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflowX: 'auto',
  },
  num: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    // Header cells too: Fluent puts the header text in a flex box.
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  csv: { display: 'inline-flex', alignItems: 'center', gap: '4px', whiteSpace: 'nowrap' },
  credit: { color: tokens.colorPaletteGreenForeground1 },
});

/** I1: OPEN until the month ends, then ISSUED. */
export function InvoiceStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `billing.status.${status}`;
  return (
    <Badge appearance="tint" color={status === 'OPEN' ? 'informative' : 'success'}>
      {hasMessage(key) ? t(key) : status}
    </Badge>
  );
}

/** I2: the invoice as CSV, downloaded with the same session. */
export function CsvLink({ href, label }: { href: string; label?: string }) {
  const styles = useInvoiceStyles();
  const { t, language } = useI18n();
  return (
    <Link href={withLanguage(href, language)} download className={styles.csv} aria-label={label}>
      <ArrowDownloadRegular aria-hidden />
      {t('billing.downloadCsv')}
    </Link>
  );
}
