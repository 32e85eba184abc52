import type { Releasability } from '../contract/catalogue.js';

/**
 * Whether a nation may see an activity: released to all, to the nation's framework, or to the
 * nation by name. A nation that may not see it must not learn that it exists.
 */
export function isReleasableTo(
  releasability: Releasability,
  nation: { code: string; frameworkCode: string },
): boolean {
  return (
    releasability.all ||
    releasability.frameworks.includes(nation.frameworkCode) ||
    releasability.nations.includes(nation.code)
  );
}
