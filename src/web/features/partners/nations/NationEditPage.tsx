import { Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Nation, NationUpdate } from '../../../../contract/index.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { currentLocale } from '../../../i18n/index.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { localized } from '../../../lib/localized.js';
import { nationQuery, partnerKeys, updateNation } from '../api.js';
import { NationForm } from './NationForm.js';
import { type NationFormValues, toNationUpdate, toNationValues } from './nationForm.js';

const route = getRouteApi('/app/partners/$code/edit');

export function NationEditPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const nation = useQuery(nationQuery(code));
  if (nation.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (nation.isError) return <ProblemAlert error={nation.error} />;
  return <EditNation nation={nation.data} />;
}

function EditNation({ nation }: { nation: Nation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NationFormValues>({
    initialValues: toNationValues(nation),
    validate: validateWith(NationUpdate, toNationUpdate),
  });
  const back = () => navigate({ to: '/partners/$code', params: { code: nation.code } });

  const { error, submit } = useSaveForm(form, async (values: NationFormValues) => {
    await updateNation(nation.code, parseWith(NationUpdate, toNationUpdate, values));
    await queryClient.invalidateQueries({ queryKey: partnerKeys.nations });
    notifications.show({ color: 'teal', message: t('common.saved') });
    await back();
  });

  return (
    <>
      <PageHeader
        title={t('partners.editTitle', { name: localized(nation.name, currentLocale()) })}
        above={
          <AnchorLink to="/partners/$code" params={{ code: nation.code }} fz="sm">
            {t('partners.backToNation')}
          </AnchorLink>
        }
      />
      <NationForm
        form={form}
        mode="edit"
        error={error}
        onSubmit={submit}
        onCancel={() => void back()}
      />
    </>
  );
}
