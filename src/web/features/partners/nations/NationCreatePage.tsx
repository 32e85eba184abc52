import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NationInput } from '../../../../contract/index.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { createNation, partnerKeys } from '../api.js';
import { NationForm } from './NationForm.js';
import { type NationFormValues, toNationInput, toNationValues } from './nationForm.js';

export function NationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NationFormValues>({
    initialValues: toNationValues(),
    validate: validateWith(NationInput, toNationInput),
  });

  const { error, submit } = useSaveForm(
    form,
    async (values: NationFormValues) => {
      const nation = await createNation(parseWith(NationInput, toNationInput, values));
      await queryClient.invalidateQueries({ queryKey: partnerKeys.nations });
      notifications.show({ color: 'teal', message: t('partners.created') });
      await navigate({ to: '/partners/$code', params: { code: nation.code } });
    },
    { nation_exists: 'code' },
  );

  return (
    <>
      <PageHeader
        title={t('partners.newTitle')}
        above={
          <AnchorLink to="/partners" fz="sm">
            {t('partners.backToList')}
          </AnchorLink>
        }
      />
      <NationForm
        form={form}
        mode="create"
        error={error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/partners' })}
      />
    </>
  );
}
