import {
  Button,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { SettingsRegular, SignOutRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useMe, usePermission } from '../features/auth/useSession';
import { ClosingSoonLink } from '../features/closing-soon/ClosingSoonLink';
import { useSignOut } from '../features/auth/useSignOut';
import type { GearMenuItem } from './GearMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { useI18n } from './i18n/useI18n';

// Its own chunk (the bundle budget), loaded when the user reaches for it (pointer over or focus
// on the gear): Fluent's Menu, Tabster and the positioning code cost a phone's main thread
// ≈ 300 ms (×4 CPU) during the first load if evaluated up front (issue 14, Lighthouse TBT).
const loadGearMenu = () => import('./GearMenu');
const GearMenu = lazy(() => loadGearMenu().then((module) => ({ default: module.GearMenu })));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 24px',
    padding: '8px 24px',
    '@media (max-width: 640px)': { padding: '8px 12px', columnGap: '12px' },
    backgroundColor: tokens.colorBrandBackground2,
    borderBottom: `1px solid ${tokens.colorBrandStroke2}`,
  },
  product: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    textDecoration: 'none',
    whiteSpace: 'nowrap',
  },
  nav: { display: 'flex', gap: '4px' },
  navLink: {
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    padding: '6px 10px',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -2px 0 ${tokens.colorBrandForeground1}`,
  },
  spacer: { flexGrow: 1 },
  user: { display: 'flex', flexDirection: 'column', lineHeight: 1.2, minWidth: 0 },
  userName: { fontWeight: tokens.fontWeightSemibold },
  tools: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
});

/** The gear: a plain button until first clicked, then Fluent's Menu (its own chunk), open. */
function SettingsMenu({ label, items }: { label: string; items: GearMenuItem[] }) {
  const [wanted, setWanted] = useState(false);
  const gear = (
    <Button
      appearance="subtle"
      icon={<SettingsRegular />}
      aria-label={label}
      title={label}
      onPointerEnter={() => void loadGearMenu()}
      onFocus={() => void loadGearMenu()}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return gear;
  return (
    <Suspense fallback={gear}>
      <GearMenu label={label} items={items} defaultOpen />
    </Suspense>
  );
}

/** Product name, who is signed in (name, roles, partner), language, gear menu and Sign out. */
export function Header() {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const navigate = useNavigate();
  const { signOut, loading: signingOut } = useSignOut();
  const manageWebhooks = usePermission('MANAGE_WEBHOOKS').allowed;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    mergeClasses(styles.navLink, isActive && styles.active);

  return (
    <header className={styles.header}>
      <NavLink to="/customers" className={styles.product}>
        {t('app.name')}
      </NavLink>
      <nav aria-label={t('nav.main')} className={styles.nav}>
        <NavLink to="/customers" className={navClass}>
          {t('nav.customers')}
        </NavLink>
        <NavLink to="/billing" className={navClass}>
          {t('nav.billing')}
        </NavLink>
        <ClosingSoonLink className={navClass} />
      </nav>
      <span className={styles.spacer} />
      <div
        className={styles.user}
        role="group"
        aria-label={t('header.signedInAs', { name: me.displayName })}
      >
        <Text className={styles.userName}>{me.displayName}</Text>
        <Caption1>
          <span>{me.roles.map((role) => i18n.role(role)).join(', ')}</span>
          {' · '}
          <span>{me.partner.name}</span>
        </Caption1>
      </div>
      <div className={styles.tools}>
        <LanguageSwitch />
        <SettingsMenu
          label={t('header.settings')}
          items={[
            { to: '/billing', label: t('nav.billing') },
            { to: '/explorer', label: t('nav.explorer') },
            { to: '/activity-log', label: t('activity.title') },
            { to: '/support/new', label: t('support.menu.report') },
            { to: '/support', label: t('support.menu.list') },
            ...(manageWebhooks ? [{ to: '/webhooks', label: t('webhooks.title') }] : []),
          ]}
        />
        <Button
          appearance="subtle"
          icon={<SignOutRegular />}
          disabled={signingOut}
          onClick={() =>
            void signOut().then(() => navigate('/sign-in', { replace: true, state: null }))
          }
        >
          {t('header.signOut')}
        </Button>
      </div>
    </header>
  );
}
