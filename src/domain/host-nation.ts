/** What the host-nation rules need of a venue. */
export interface HostVenue {
  kind: string;
  countryCode: string | null;
}

/**
 * The host nation a session at `venue` gets when none is named: the nation of the venue's
 * country when that is a partner nation (`isNation`) other than the centre's own, so a session
 * in Baghdad is Iraq's mobile training team; none at the centre, at a school abroad whose
 * country is no partner (Oberammergau), or online.
 */
export function defaultHostNation(
  venue: HostVenue,
  centreNation: string | null,
  isNation: (code: string) => boolean,
): string | null {
  if (venue.kind !== 'city' || !venue.countryCode) return null;
  if (venue.countryCode === centreNation) return null;
  return isNation(venue.countryCode) ? venue.countryCode : null;
}

/**
 * A host nation at the centre's own venue makes no sense unless it is the venue's own country
 * (the centre training its own officers): true when `host` is refused there.
 */
export function hostRefusedAtCentre(venue: HostVenue, host: string | null): boolean {
  return venue.kind === 'centre' && host !== null && host !== venue.countryCode;
}

/** The quotas a new mobile-team session starts with: the whole capacity to the host, unless given. */
export function hostQuotas<Q extends { nationCode: string; seats: number }>(
  host: string | null,
  capacity: number,
  given: readonly Q[],
): { nationCode: string; seats: number }[] {
  if (!host || given.length > 0) return [...given];
  return [{ nationCode: host, seats: capacity }];
}
