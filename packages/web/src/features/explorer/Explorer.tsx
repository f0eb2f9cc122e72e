import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { GraphiQL } from 'graphiql';
import { PageHeader } from '../../app/PageHeader';
import { useI18n } from '../../app/i18n/useI18n';
import { useExplorer } from './useExplorerFetcher';

const DEFAULT_QUERY = `# Your session, your roles (E3)
query WhoAmI {
  me {
    displayName
    roles
    partner {
      name
    }
    permissions {
      action
      allowed
      missingRoles
    }
  }
}
`;

const useStyles = makeStyles({
  frame: {
    height: 'calc(100vh - 190px)',
    minHeight: '480px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** E3: the bundled GraphiQL, on the signed-in session, working offline and under the CSP. */
export function Explorer() {
  const styles = useStyles();
  const { t } = useI18n();
  const { schema, error, fetcher } = useExplorer();
  return (
    <>
      <PageHeader title={t('explorer.title')} subtitle={<Body1>{t('explorer.intro')}</Body1>} />
      <div className={styles.frame}>
        {schema ? (
          <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />
        ) : error ? (
          <MessageBar intent="error">
            <MessageBarBody>{error.message}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner />
        )}
      </div>
    </>
  );
}
