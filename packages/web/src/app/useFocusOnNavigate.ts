import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Issue 14: after moving to another page, keyboard and screen-reader focus goes to the new page's
 * heading (its h1), so the change is announced and Tab starts from the page, not from the top of
 * the document. Not on the first load, and not when the h1 stays (a tab inside the same page).
 * Pages load lazily, so the new h1 is awaited for up to 5 s.
 */
export function useFocusHeadingOnNavigate(container: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const first = useRef(true);
  const lastHeading = useRef<Element | null>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    if (first.current) {
      first.current = false;
      lastHeading.current = root.querySelector('h1');
      return;
    }
    const previous = lastHeading.current;
    const tryFocus = () => {
      const heading = root.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      lastHeading.current = heading;
      if (heading === previous) return true;
      // Only when nothing inside the new page took focus already (a dialog, an autofocus field).
      const active = document.activeElement;
      if (active && active !== document.body && root.contains(active) && active.isConnected) {
        if (!(active instanceof HTMLElement) || active.tagName !== 'MAIN') return true;
      }
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (tryFocus()) return;
    const observer = new MutationObserver(() => {
      if (tryFocus()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), 5_000);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname, container]);
}
