import {
  Body1,
  Button,
  Field,
  Input,
  Title1,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ErrorMessage } from '../../app/ErrorMessage';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useI18n } from '../../app/i18n/useI18n';
import { prefetchLanding } from '../../app/chunks';
import { useSignIn } from './useSignIn';

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: '24px 16px',
    boxSizing: 'border-box',
  },
  top: { alignSelf: 'stretch', display: 'flex', justifyContent: 'flex-end' },
  main: { width: '100%', maxWidth: '420px', marginTop: '8vh' },
  // A card's look without Fluent's Card: Card brings its focus manager (Tabster, ≈ 20 kB gzip)
  // into the first load, and this panel holds no focusable group (issue 14, first load).
  card: {
    padding: '28px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
  },
  form: { display: 'flex', flexDirection: 'column', gap: '16px' },
  product: { color: tokens.colorBrandForeground1 },
});

export function SignIn() {
  const { t } = useI18n();
  const styles = useStyles();
  const navigate = useNavigate();
  const location = useLocation();
  const { signIn, loading, error, reset } = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  const emailMissing = touched && !email.trim();
  const passwordMissing = touched && !password;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!email.trim() || !password) return;
    const from = (location.state as { from?: string } | null)?.from;
    const destination = from && from !== '/sign-in' ? from : '/customers';
    // The signed-in part's code (Apollo, the header, the page) loads while the server checks.
    void prefetchLanding(destination).catch(() => undefined);
    try {
      await signIn({ email: email.trim(), password });
      void navigate(destination, { replace: true });
    } catch {
      // Shown from the mutation's error state below.
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <LanguageSwitch />
      </div>
      <main className={styles.main}>
        <div className={styles.card}>
          <Title1 as="h1" className={styles.product}>
            {t('app.name')}
          </Title1>
          <Title2 as="h2">{t('signIn.title')}</Title2>
          <Body1>{t('signIn.intro')}</Body1>
          <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
            <Field
              label={t('signIn.email')}
              required
              validationMessage={emailMissing ? t('error.reason.EMAIL_REQUIRED') : undefined}
            >
              <Input
                type="email"
                name="email"
                autoComplete="username"
                value={email}
                onChange={(_e, data) => {
                  setEmail(data.value);
                  reset();
                }}
              />
            </Field>
            <Field
              label={t('signIn.password')}
              required
              validationMessage={passwordMissing ? t('error.reason.PASSWORD_REQUIRED') : undefined}
            >
              <Input
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(_e, data) => {
                  setPassword(data.value);
                  reset();
                }}
              />
            </Field>
            {error ? <ErrorMessage error={error} /> : null}
            <Button type="submit" appearance="primary" disabled={loading}>
              {loading ? t('signIn.submitting') : t('signIn.submit')}
            </Button>
          </form>
        </div>
      </main>
    </div>
  );
}
