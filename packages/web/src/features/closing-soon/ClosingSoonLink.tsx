import { makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@apollo/client/react';
import { NavLink } from 'react-router';
import { useI18n } from '../../app/i18n/useI18n';
import { usePermission } from '../auth/useSession';
import { graphql } from '../../gql';

// Here, not in useClosingSoon.ts: the header is in the first bundle, the Closing soon page is not.
const ClosingSoonCountDocument = graphql(`
  query ClosingSoonCount {
    cancellationsClosingSoon(first: 1) {
      totalCount
    }
  }
`);

// A plain counter, styled like Fluent's small danger CounterBadge: the header is in the first
// bundle, and the Badge component's styles alone weigh ~3 kB gzip (budget, issue 15).
const useStyles = makeStyles({
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '16px',
    height: '16px',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase100,
  },
});

/** K1: the header's **Closing soon** link with its count, for the roles that may cancel (R5). */
export function ClosingSoonLink({
  className,
}: {
  className: (state: { isActive: boolean }) => string;
}) {
  const { t, number } = useI18n();
  const styles = useStyles();
  const permission = usePermission('CANCEL_PURCHASE');
  const { data } = useQuery(ClosingSoonCountDocument, {
    skip: !permission.allowed,
    fetchPolicy: 'cache-and-network',
    pollInterval: 5 * 60_000,
  });
  if (!permission.allowed) return null;
  const count = data?.cancellationsClosingSoon.totalCount ?? 0;
  return (
    <NavLink
      to="/closing-soon"
      className={className}
      // The visible words and count are the link's name (axe: label-content-name-mismatch).
      title={t('closingSoon.navLabel', { count })}
    >
      {t('closingSoon.title')}{' '}
      {count > 0 && <span className={styles.count}>{count > 99 ? '99+' : number(count)}</span>}
    </NavLink>
  );
}
