import { Button, makeStyles, Text } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useI18n } from './i18n/useI18n';

const useStyles = makeStyles({
  nav: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    flexWrap: 'wrap',
    gap: '12px',
    marginTop: '12px',
  },
});

/**
 * Previous / "Page N of M" / Next under a list paged by `useCursorPages`; nothing when it fits on
 * one page. `totalCount` null (not known yet) shows "Page N" alone.
 */
export function PagingNav(props: {
  page: number;
  totalCount: number | null;
  pageSize: number;
  hasPrevious: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  if (!props.hasPrevious && !props.hasNext) return null;
  const page = i18n.number(props.page);
  return (
    <nav className={styles.nav} aria-label={t('paging.label')}>
      <Button
        icon={<ChevronLeftRegular />}
        disabled={!props.hasPrevious}
        onClick={props.onPrevious}
      >
        {t('paging.previous')}
      </Button>
      <Text>
        {props.totalCount === null
          ? t('paging.page', { page })
          : t('paging.pageOf', {
              page,
              // Never fewer pages than the one shown (the count may have changed since).
              pages: i18n.number(
                Math.max(props.page, Math.ceil(props.totalCount / props.pageSize)),
              ),
            })}
      </Text>
      <Button
        icon={<ChevronRightRegular />}
        iconPosition="after"
        disabled={!props.hasNext || props.loading}
        onClick={props.onNext}
      >
        {t('paging.next')}
      </Button>
    </nav>
  );
}
