import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { InstitutionInput } from '../../../../contract/index.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { createInstitution, partnerKeys } from '../api.js';
import { InstitutionForm } from './InstitutionForm.js';
import {
  type InstitutionFormValues,
  toInstitutionInput,
  toInstitutionValues,
} from './institutionForm.js';

export function InstitutionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<InstitutionFormValues>({
    initialValues: toInstitutionValues(),
    validate: validateWith(InstitutionInput, toInstitutionInput),
  });

  const { error, submit } = useSaveForm(
    form,
    async (values: InstitutionFormValues) => {
      await createInstitution(parseWith(InstitutionInput, toInstitutionInput, values));
      await queryClient.invalidateQueries({ queryKey: partnerKeys.institutions });
      notifications.show({ color: 'teal', message: t('institutions.created') });
      await navigate({ to: '/institutions' });
    },
    { institution_exists: 'code' },
  );

  return (
    <>
      <PageHeader
        title={t('institutions.newTitle')}
        above={
          <AnchorLink to="/institutions" fz="sm">
            {t('institutions.backToList')}
          </AnchorLink>
        }
      />
      <InstitutionForm
        form={form}
        mode="create"
        error={error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/institutions' })}
      />
    </>
  );
}
