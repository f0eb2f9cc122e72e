import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** A class that hides text from the eye but not from screen readers. */
export function useVisuallyHidden(): string {
  return useStyles().visuallyHidden;
}
