import { Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Activity, ActivityUpdate } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { localized } from '../../lib/localized.js';
import { ActivityForm } from './ActivityForm.js';
import { type ActivityFormValues, toActivityUpdate, toActivityValues } from './activityForm.js';
import { activityQuery, catalogueKeys, updateActivity } from './api.js';

const route = getRouteApi('/app/catalogue/$code/edit');

export function ActivityEditPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const activity = useQuery(activityQuery(code));
  if (activity.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (activity.isError) return <ProblemAlert error={activity.error} />;
  return <EditActivity activity={activity.data} />;
}

function EditActivity({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<ActivityFormValues>({
    initialValues: toActivityValues(activity),
    validate: validateWith(ActivityUpdate, toActivityUpdate),
  });
  const back = () => navigate({ to: '/catalogue/$code', params: { code: activity.code } });

  const { error, submit } = useSaveForm(form, async (values: ActivityFormValues) => {
    await updateActivity(activity.code, parseWith(ActivityUpdate, toActivityUpdate, values));
    await queryClient.invalidateQueries({ queryKey: catalogueKeys.activities });
    notifications.show({ color: 'teal', message: t('common.saved') });
    await back();
  });

  return (
    <>
      <PageHeader
        title={t('catalogue.editTitle', { name: localized(activity.title, currentLocale()) })}
        above={
          <AnchorLink to="/catalogue/$code" params={{ code: activity.code }} fz="sm">
            {t('catalogue.backToActivity')}
          </AnchorLink>
        }
      />
      <ActivityForm
        form={form}
        mode="edit"
        error={error}
        onSubmit={submit}
        onCancel={() => void back()}
      />
    </>
  );
}
