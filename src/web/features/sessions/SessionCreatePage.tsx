import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SessionInput } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { useDraft } from '../../lib/useDraft.js';
import { activityQuery } from '../catalogue/api.js';
import { createSession, sessionKeys } from './api.js';
import { SessionForm } from './SessionForm.js';
import { type SessionFormValues, toSessionInput, toSessionValues } from './sessionForm.js';

const route = getRouteApi('/app/sessions/new');

export function SessionCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { activity: activityCode } = route.useSearch();
  const draft = useDraft<SessionFormValues>(`session-new-${activityCode ?? ''}`, {
    restore: (values) => {
      form.setValues(values);
      // What the draft holds wins over the activity's usual capacity and language.
      form.setTouched({ capacity: true, language: true });
    },
    reset: () => form.reset(),
  });
  const form = useForm<SessionFormValues>({
    initialValues: toSessionValues(undefined, activityCode),
    onValuesChange: draft.save,
    validate: validateWith(SessionInput, toSessionInput),
  });
  const activity = useQuery({
    ...activityQuery(activityCode ?? ''),
    enabled: Boolean(activityCode),
  });

  // Coming from an activity's page: start from its usual capacity and language.
  useEffect(() => {
    if (!activity.data) return;
    if (!form.isTouched('capacity')) form.setFieldValue('capacity', activity.data.defaultCapacity);
    if (!form.isTouched('language')) form.setFieldValue('language', activity.data.language);
  }, [activity.data, form.isTouched, form.setFieldValue]);

  const { error, submit } = useSaveForm(
    form,
    async (values: SessionFormValues) => {
      const session = await createSession(parseWith(SessionInput, toSessionInput, values));
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      notifications.show({ color: 'teal', message: t('sessions.created') });
      await navigate({ to: '/sessions/$code', params: { code: session.code } });
    },
    { session_exists: 'code' },
  );

  return (
    <>
      <PageHeader
        title={t('sessions.newTitle')}
        above={
          <AnchorLink to="/sessions" fz="sm">
            {t('sessions.backToList')}
          </AnchorLink>
        }
      />
      {draft.notice}
      <SessionForm
        form={form}
        error={error}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/sessions' })}
      />
    </>
  );
}
