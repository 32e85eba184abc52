import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type SurveyTemplate, SurveyTemplateInput } from '../../../contract/index.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { ActivityLinks } from './ActivityLinks.js';
import { createTemplate, surveyKeys, templateQuery, updateTemplate } from './api.js';
import { surveyErrorMessage } from './errors.js';
import { QuestionEditor } from './QuestionEditor.js';
import {
  newQuestion,
  type TemplateValues,
  templateValues,
  toTemplateInput,
} from './templateForm.js';

const editRoute = getRouteApi('/app/surveys/templates/$code');

function TemplateForm({ template }: { template?: SurveyTemplate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<TemplateValues>({
    initialValues: templateValues(template),
    validate: validateWith(SurveyTemplateInput, toTemplateInput),
  });
  // Answers exist once invitations went out and someone answered; the server says so with a
  // 409, but the count of invitations is the honest early warning.
  const frozen = (template?.invitations ?? 0) > 0;
  const { error, submit } = useSaveForm(
    form,
    async (values) => {
      const input = parseWith(SurveyTemplateInput, toTemplateInput, values);
      if (template) {
        const { code: _code, ...update } = input;
        await updateTemplate(template.code, update);
      } else {
        await createTemplate(input);
      }
      await queryClient.invalidateQueries({ queryKey: surveyKeys.templates });
      await navigate({ to: '/surveys/templates/$code', params: { code: input.code } });
    },
    { survey_template_exists: 'code' },
  );
  const count = form.values.questions.length;
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {error !== null && (
          <Alert color="red" role="alert">
            {surveyErrorMessage(error)}
          </Alert>
        )}
        {frozen && <Alert color="yellow">{t('surveys.editor.frozen')}</Alert>}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group align="flex-start" grow wrap="wrap">
              <TextInput
                label={t('surveys.editor.code')}
                description={t('surveys.editor.codeHint')}
                required
                dir="ltr"
                disabled={template !== undefined}
                key={form.key('code')}
                {...form.getInputProps('code')}
              />
              <div>
                <Text fz="sm" fw={500} mb={4} id="template-level">
                  {t('surveys.editor.level')}
                </Text>
                <SegmentedControl
                  aria-labelledby="template-level"
                  disabled={frozen}
                  data={[
                    { value: '1', label: t('surveys.level.1') },
                    { value: '3', label: t('surveys.level.3') },
                  ]}
                  {...form.getInputProps('level')}
                />
              </div>
            </Group>
            <LocalizedTextFields form={form} path="title" label={t('surveys.editor.title')} />
            <Checkbox
              label={t('surveys.editor.anonymous')}
              description={t('surveys.editor.anonymousHint')}
              disabled={frozen}
              key={form.key('anonymous')}
              {...form.getInputProps('anonymous', { type: 'checkbox' })}
            />
          </Stack>
        </Paper>
        <Title order={2} fz="lg">
          {t('surveys.editor.questions')}
        </Title>
        {form.errors.questions && (
          <Text c="red" fz="sm" role="alert">
            {form.errors.questions}
          </Text>
        )}
        {form.values.questions.map((question, index) => (
          <QuestionEditor
            key={question.key}
            form={form}
            index={index}
            count={count}
            frozen={frozen}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            disabled={frozen || count >= 50}
            onClick={() => form.insertListItem('questions', newQuestion(count))}
          >
            {t('surveys.editor.addQuestion')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('surveys.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const back = (label: string) => (
  <AnchorLink to="/surveys/templates" fz="sm">
    {label}
  </AnchorLink>
);

export function NewTemplatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('surveys.editor.newTitle')} above={back(t('surveys.templates.back'))} />
      <TemplateForm />
    </>
  );
}

export function EditTemplatePage() {
  const { t } = useTranslation();
  const { code } = editRoute.useParams();
  const query = useQuery(templateQuery(code));
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader
          title={t('surveys.editor.editTitle')}
          above={back(t('surveys.templates.back'))}
        />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('surveys.editor.editTitle')}
        above={back(t('surveys.templates.back'))}
        description={
          <Text span ff="monospace" fw={600} c="dark">
            <bdi dir="ltr">{query.data.code}</bdi>
          </Text>
        }
      />
      <Stack gap="xl">
        <TemplateForm key={query.data.updatedAt} template={query.data} />
        <ActivityLinks template={query.data} />
      </Stack>
    </>
  );
}
