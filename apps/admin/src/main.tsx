import { ApiError } from '@swigs/sdk';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { Toaster } from './components/ui/Toaster';
import { startI18n } from './i18n';
import './index.css';
import { session } from './lib/api';
import { applyTheme, watchSystemTheme } from './lib/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network blips and 5xx get two more tries.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

applyTheme();
watchSystemTheme();
void session.start();
await startI18n();
// Timers sleep in background tabs: refresh on return when the token is about to expire.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && session.isStale()) void session.refresh();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
