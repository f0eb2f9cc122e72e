import { Spinner } from '@fluentui/react-components';
import { useI18n } from './i18n/useI18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div style={{ padding: '24px 0' }}>
      <Spinner size="small" label={label ?? t('app.loading')} labelPosition="after" />
    </div>
  );
}
