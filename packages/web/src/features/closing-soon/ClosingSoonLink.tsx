import { CounterBadge } from '@fluentui/react-components';
import { useQuery } from '@apollo/client/react';
import { NavLink } from 'react-router';
import { useI18n } from '../../app/i18n/useI18n';
import { usePermission } from '../auth/useSession';
import { ClosingSoonCountDocument } from './useClosingSoon';

/** K1: the header's **Closing soon** link with its count, for the roles that may cancel (R5). */
export function ClosingSoonLink({
  className,
}: {
  className: (state: { isActive: boolean }) => string;
}) {
  const { t } = useI18n();
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
      {count > 0 && <CounterBadge count={count} overflowCount={99} size="small" color="danger" />}
    </NavLink>
  );
}
