import { MultiSelect, Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';
import { needsNation } from './userForm.js';

interface Values {
  roles: string[];
  nationCode: string | null;
}

export function RoleAndNationFields<V extends Values>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const nations = useQuery(nationsQuery({}));
  const locale = currentLocale();
  const roles = form.getValues().roles;

  return (
    <>
      <MultiSelect
        label={t('users.roles')}
        required
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        key={form.key('roles')}
        {...form.getInputProps('roles')}
      />
      <Select
        label={t('users.nation')}
        description={t('users.nationHint')}
        required={needsNation(roles)}
        clearable
        searchable
        data={(nations.data ?? []).map((n) => ({
          value: n.code,
          label: `${n.code} · ${localized(n.name, locale)}`,
        }))}
        key={form.key('nationCode')}
        {...form.getInputProps('nationCode')}
      />
    </>
  );
}
