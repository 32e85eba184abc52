import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ActivityInput } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { ActivityForm } from './ActivityForm.js';
import { type ActivityFormValues, toActivityInput, toActivityValues } from './activityForm.js';
import { catalogueKeys, createActivity } from './api.js';

export function ActivityCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<ActivityFormValues>({
    initialValues: toActivityValues(),
    validate: validateWith(ActivityInput, toActivityInput),
  });

  const { error, submit } = useSaveForm(
    form,
    async (values: ActivityFormValues) => {
      const activity = await createActivity(parseWith(ActivityInput, toActivityInput, values));
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.activities });
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.disciplines });
      notifications.show({ color: 'teal', message: t('catalogue.created') });
      await navigate({ to: '/catalogue/$code', params: { code: activity.code } });
    },
    { activity_exists: 'code' },
  );

  return (
    <>
      <PageHeader
        title={t('catalogue.newTitle')}
        above={
          <AnchorLink to="/catalogue" fz="sm">
            {t('catalogue.backToList')}
          </AnchorLink>
        }
      />
      <ActivityForm
        form={form}
        mode="create"
        error={error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/catalogue' })}
      />
    </>
  );
}
