import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchLanding } from './app/AppRoutes';
import './app/global.css';

// Issue 14, first load: the landing page's code is requested before React starts rendering.
prefetchLanding(window.location.pathname);

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
