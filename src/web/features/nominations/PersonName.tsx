import { Text } from '@mantine/core';

interface Props {
  latin: string;
  arabic: string | null;
  /** Tables put the Arabic name under the Latin one; a heading keeps them on one line. */
  stacked?: boolean;
}

/**
 * Both scripts, each isolated with <bdi> so it keeps its own direction, the Arabic one marked
 * lang="ar" for screen readers. Lines align with the page, not with the script.
 */
export function PersonName({ latin, arabic, stacked = true }: Props) {
  return (
    <>
      <bdi>{latin}</bdi>
      {arabic && !stacked && ' '}
      {arabic && (
        <Text
          span
          display={stacked ? 'block' : undefined}
          fz={stacked ? 'sm' : 'inherit'}
          c={stacked ? 'dimmed' : undefined}
          lang="ar"
        >
          <bdi>{arabic}</bdi>
        </Text>
      )}
    </>
  );
}
