import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Participant } from '../../../contract/index.js';
import { participantsQuery } from './api.js';

export interface ParticipantSearchOptions {
  /** Only this nation's people (centre staff; a nation's own users only ever see theirs). */
  nationCode?: string;
  /** People per page; a picker wants few. Default 20. */
  limit?: number;
  /** Wait this long after the last keystroke before asking. Default 250 ms. */
  debounceMs?: number;
  /** Off while the picker is closed. Default true. */
  enabled?: boolean;
}

export interface ParticipantSearch {
  /** The people found so far, by Latin family name. */
  people: Participant[];
  /** The text the shown results answer (the typed text, once debounced and trimmed). */
  query: string;
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
}

/**
 * Searches the participants registry as a person types, in Latin or Arabic script or by
 * e-mail, for pickers such as "nominate a person". Results stay on screen while the next
 * ones load, so the list does not flicker.
 */
export function useParticipantSearch(
  text: string,
  { nationCode, limit = 20, debounceMs = 250, enabled = true }: ParticipantSearchOptions = {},
): ParticipantSearch {
  const [query] = useDebouncedValue(text.trim(), debounceMs);
  const result = useInfiniteQuery({
    ...participantsQuery({ q: query || undefined, nationCode }, limit),
    enabled,
    placeholderData: keepPreviousData,
  });
  return {
    people: result.data?.pages.flatMap((page) => page.items) ?? [],
    query,
    isLoading: result.isLoading,
    isFetching: result.isFetching,
    error: result.error,
    hasMore: result.hasNextPage,
    loadMore: () => void result.fetchNextPage(),
  };
}
