import { Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Session, SessionUpdate } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { useDraft } from '../../lib/useDraft.js';
import { sessionKeys, sessionQuery, updateSession } from './api.js';
import { SessionForm } from './SessionForm.js';
import { type SessionFormValues, toSessionUpdate, toSessionValues } from './sessionForm.js';

const route = getRouteApi('/app/sessions/$code/edit');

export function SessionEditPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const session = useQuery(sessionQuery(code));
  if (session.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (session.isError) return <ProblemAlert error={session.error} />;
  return <EditSession session={session.data} />;
}

function EditSession({ session }: { session: Session }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft<SessionFormValues>(`session-${session.code}`, {
    restore: (values) => form.setValues(values),
    reset: () => form.reset(),
  });
  const form = useForm<SessionFormValues>({
    initialValues: toSessionValues(session),
    onValuesChange: draft.save,
    validate: validateWith(SessionUpdate, toSessionUpdate),
  });
  const back = () => navigate({ to: '/sessions/$code', params: { code: session.code } });

  const { error, submit } = useSaveForm(form, async (values: SessionFormValues) => {
    await updateSession(session.code, parseWith(SessionUpdate, toSessionUpdate, values));
    draft.clear();
    await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    notifications.show({ color: 'teal', message: t('common.saved') });
    await back();
  });

  return (
    <>
      <PageHeader
        title={t('sessions.editTitle', { code: session.code })}
        above={
          <AnchorLink to="/sessions/$code" params={{ code: session.code }} fz="sm">
            {t('sessions.backToSession')}
          </AnchorLink>
        }
      />
      {draft.notice}
      <SessionForm
        form={form}
        session={session}
        error={error}
        onSubmit={submit}
        onCancel={() => void back()}
      />
    </>
  );
}
