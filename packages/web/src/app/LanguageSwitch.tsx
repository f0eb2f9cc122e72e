import { Select, makeStyles, mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from './i18n/useI18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n/messages';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: '6px' },
  label: { whiteSpace: 'nowrap' },
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
      <Select
        id={id}
        size="small"
        value={language}
        onChange={(_event, data) => setLanguage(data.value as Language)}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </Select>
    </span>
  );
}
