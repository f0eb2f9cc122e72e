import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  empty: {
    padding: '24px',
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export function EmptyState({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty} role="status">
      <Body1>{children}</Body1>
    </div>
  );
}
