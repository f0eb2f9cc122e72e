import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import type { Role } from '@csp/domain';
import { useI18n } from '../../app/i18n/useI18n';

const useStyles = makeStyles({
  reason: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    color: tokens.colorNeutralForeground2,
  },
});

/** R9: why a control is disabled: the roles, any one of which would allow the action. */
export function PermissionReason({
  id,
  missingRoles,
  icon = true,
}: {
  id: string;
  missingRoles: Role[];
  /** Off where the surrounding message already shows one. */
  icon?: boolean;
}) {
  const styles = useStyles();
  const i18n = useI18n();
  return (
    <Caption1 id={id} className={styles.reason}>
      {icon && <LockClosedRegular aria-hidden />}
      {i18n.t('permission.needsRoles', {
        roles: missingRoles.map((role) => i18n.role(role)).join(', '),
      })}
    </Caption1>
  );
}
