import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './client.ts'

/**
 * The one cache of server state. Views refetch when the window regains focus and after every
 * command (mutations invalidate what they change); nothing polls.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: true,
      staleTime: 10_000,
      // A refusal (4xx) will not change by asking again; a network failure or 5xx may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
})
