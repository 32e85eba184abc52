import { Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Institution, InstitutionUpdate } from '../../../../contract/index.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { currentLocale } from '../../../i18n/index.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { localized } from '../../../lib/localized.js';
import { institutionQuery, partnerKeys, updateInstitution } from '../api.js';
import { InstitutionForm } from './InstitutionForm.js';
import {
  type InstitutionFormValues,
  toInstitutionUpdate,
  toInstitutionValues,
} from './institutionForm.js';

const route = getRouteApi('/app/institutions/$code/edit');

export function InstitutionEditPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const institution = useQuery(institutionQuery(code));
  if (institution.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (institution.isError) return <ProblemAlert error={institution.error} />;
  return <EditInstitution institution={institution.data} />;
}

function EditInstitution({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<InstitutionFormValues>({
    initialValues: toInstitutionValues(institution),
    validate: validateWith(InstitutionUpdate, toInstitutionUpdate),
  });

  const { error, submit } = useSaveForm(form, async (values: InstitutionFormValues) => {
    const body = parseWith(InstitutionUpdate, toInstitutionUpdate, values);
    await updateInstitution(institution.code, body);
    await queryClient.invalidateQueries({ queryKey: partnerKeys.institutions });
    notifications.show({ color: 'teal', message: t('common.saved') });
    await navigate({ to: '/institutions' });
  });

  return (
    <>
      <PageHeader
        title={t('institutions.editTitle', { name: localized(institution.name, currentLocale()) })}
        above={
          <AnchorLink to="/institutions" fz="sm">
            {t('institutions.backToList')}
          </AnchorLink>
        }
      />
      <InstitutionForm
        form={form}
        mode="edit"
        error={error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/institutions' })}
      />
    </>
  );
}
