import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from './i18n/useI18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/messages';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: '6px' },
  label: { whiteSpace: 'nowrap' },
  // A native select styled like Fluent's small Select: the header is in the first bundle, and
  // Fluent's Select weighs ~4 kB gzip there (budget, issue 15).
  select: {
    height: '24px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
});

/** E1: English / 한국어, remembered for the next visit. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { language, setLanguage, t } = useI18n();
  const styles = useStyles();
  const id = useId();
  return (
    <span className={mergeClasses(styles.root, className)}>
      <label htmlFor={id} className={styles.label}>
        {t('header.language')}
      </label>
      <select
        id={id}
        className={styles.select}
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </span>
  );
}
