import { Checkbox } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useMe } from '../auth/session.js';
import { nationsQuery } from '../partners/api.js';

/**
 * True when the signed-in user would act for a nation that is not theirs to speak for (centre
 * staff nominating for it): the server records such a move as made on the nation's behalf.
 */
export function useActsOnBehalfOf(nationCode: string | null): boolean {
  const { user } = useMe();
  if (nationCode === null) return false;
  const ownNation =
    user.nationCode === nationCode && user.roles.some((r) => r === 'npoc' || r === 'nominator');
  return !ownNation;
}

/** The nation's name in the reader's language, its code until the list has loaded. */
export function useNationName(nationCode: string): string {
  const nations = useQuery(nationsQuery({}));
  const nation = nations.data?.find((n) => n.code === nationCode);
  return nation ? localized(nation.name, currentLocale()) : nationCode;
}

/**
 * The explicit choice to act for a nation: nothing is sent for it until the box is ticked, and
 * the label says that the timeline and the audit trail will show it.
 */
export function OnBehalfConfirm({
  nationCode,
  checked,
  onChange,
  error,
}: {
  nationCode: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const nation = useNationName(nationCode);
  return (
    <Checkbox
      label={t('nominations.onBehalfConfirm', { nation })}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      error={error}
      maw={720}
    />
  );
}
