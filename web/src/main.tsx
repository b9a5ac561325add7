import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './app/App.tsx';
import './app/i18n.ts';
import { prefetchSession, SessionProvider } from './app/session.tsx';
import './ui/styles.css';
import { registerSW } from 'virtual:pwa-register';

// The service worker makes the app installable and lets the cashier open with no connection.
if ('serviceWorker' in navigator) registerSW({ immediate: true });

// networkMode 'always': requests run even when the browser says it is offline — the cashier's
// reads fall back to this device's copies and its sales go to the outbox; other screens say the
// request failed instead of waiting silently.
const client = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, staleTime: 30_000, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

// Who is signed in and the first screen's code are fetched side by side, and the app renders once
// that code is here (after 2 s at most: then with its loading step). A screen whose code is here
// renders with no Suspense fallback, which React keeps on screen for at least 300 ms: most of the
// cashier's offline start.
void prefetchSession(client);
await Promise.race([
  preloadScreen(location.pathname).catch(() => {}),
  new Promise((resolve) => setTimeout(resolve, 2_000)),
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
