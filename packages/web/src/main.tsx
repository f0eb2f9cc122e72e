import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchLanding } from './app/AppRoutes';
import { initialLanguage } from './app/i18n/language-choice';
import { loadCatalog } from './app/i18n/messages';
import './app/global.css';

// Issue 14, first load: the landing page's code is requested before React starts rendering.
prefetchLanding(window.location.pathname);
// E1: the active language's catalog is fetched at once, beside the first route's chunk; the
// provider renders when it has arrived (a failure shows the provider's bilingual notice).
loadCatalog(initialLanguage()).catch(() => {});

// The first render as a transition: React renders it in slices and lets the browser breathe
// between them, instead of one long task that blocks a phone's main thread.
const root = createRoot(document.getElementById('root')!);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
