import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; network blips might.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400),
      refetchOnWindowFocus: false,
    },
  },
});
