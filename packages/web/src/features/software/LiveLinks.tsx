import { Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LinkRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useI18n } from '../../app/i18n/useI18n';
import { relativeTime } from './relative-time';
import type { LiveLink } from './useSoftware';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '8px',
    padding: '8px 0',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { marginTop: '3px', color: tokens.colorNeutralForeground3 },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  choice: { fontWeight: tokens.fontWeightSemibold },
  expiry: {
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '3px',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** D4: the line's live links, each with its downloads used and time left (never its URL, D5). */
export function LiveLinks({ links, now }: { links: readonly LiveLink[]; now: number }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('software.liveLinks', { count: i18n.number(links.length) })}
      </Subtitle2>
      {links.length === 0 ? (
        <Text className={styles.muted}>{t('software.noLiveLinks')}</Text>
      ) : (
        <ul className={styles.list}>
          {links.map((link) => (
            <li key={link.id} className={styles.item}>
              <LinkRegular aria-hidden className={styles.icon} />
              <div className={styles.body}>
                <Text className={styles.choice}>
                  {link.version} · {link.language} · {link.fileType}
                </Text>
                <Text>
                  {t('software.downloadsUsed', {
                    used: i18n.number(link.downloadsUsed),
                    max: i18n.number(link.maxDownloads),
                  })}
                  {' · '}
                  <time
                    dateTime={link.expiresAt}
                    title={i18n.dateTime(link.expiresAt)}
                    className={styles.expiry}
                  >
                    {t('software.expiresIn', {
                      relative: relativeTime(link.expiresAt, now, i18n.locale),
                    })}
                  </time>
                </Text>
                <Caption1 className={styles.muted}>
                  {link.issuedBy
                    ? t('software.issuedBy', {
                        name: link.issuedBy.displayName,
                        date: i18n.dateTime(link.issuedAt),
                      })
                    : t('software.issuedOn', { date: i18n.dateTime(link.issuedAt) })}
                </Caption1>
              </div>
            </li>
          ))}
        </ul>
      )}
      {links.length > 0 && <Caption1 className={styles.muted}>{t('software.linksHint')}</Caption1>}
    </section>
  );
}
