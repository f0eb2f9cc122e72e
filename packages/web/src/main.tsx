// First: requests the opening page's code and catalog before the rest of the bundle runs.
import { landingReady } from './app/start-loading';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialLanguage } from './app/i18n/language-choice';
import { loadCatalog } from './app/i18n/messages';
import './app/global.css';

function render() {
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
}

// E1: the language's catalog is ready before the first render (the provider shows its bilingual
// notice when it cannot be fetched); a page whose chunk failed shows its route's error boundary.
void Promise.allSettled([landingReady, loadCatalog(initialLanguage())]).then(render);
