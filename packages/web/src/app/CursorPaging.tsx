import { Button, makeStyles, Text } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useI18n } from './i18n/useI18n';

/**
 * Forward cursor paging with a way back: the cursors of the pages seen so far. `key` is the list's
 * filter; a new one starts again at the first page.
 */
export function useCursorStack(key = '') {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key,
    cursors: [null],
  });
  const cursors = state.key === key ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (endCursor: string | null | undefined) => {
      if (endCursor) setState({ key, cursors: [...cursors, endCursor] });
    },
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
  };
}

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

/** Previous / "Page N of M" / Next under a paged list; nothing when it fits on one page. */
export function PagingNav(props: {
  page: number;
  totalCount: number;
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
  // Never fewer pages than the one shown (the count may have changed since).
  const pages = Math.max(props.page, Math.ceil(props.totalCount / props.pageSize));
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
        {t('paging.pageOf', { page: i18n.number(props.page), pages: i18n.number(pages) })}
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
