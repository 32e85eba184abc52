import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import './i18n/index.js';
import { DirectionProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DirectionSync } from './app/DirectionSync.js';
import { LocalizedMantineProvider } from './app/LocalizedMantineProvider.js';
import { queryClient } from './app/queryClient.js';
import { router } from './app/router.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

createRoot(container).render(
  <StrictMode>
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}>
      <DirectionSync />
      <LocalizedMantineProvider>
        {/* Under the header (app.css), so a toast never hides the signed-in name or the menus. */}
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LocalizedMantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
