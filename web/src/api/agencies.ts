import { queryOptions } from '@tanstack/react-query'
import { client, ok } from './client.ts'

/** The agency tree in force today; it changes with a merger decree, not within a visit. */
export const agencyTreeQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => ok(client.GET('/api/agencies', { params: { query: { includeFormer: false } } })),
  staleTime: 3_600_000,
})
