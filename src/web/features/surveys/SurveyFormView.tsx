import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswers, SurveyForm } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { isApiError } from '../../lib/api.js';
import { useDraft } from '../../lib/useDraft.js';
import { surveyErrorMessage } from './errors.js';

type Question = SurveyForm['questions'][number];
type Draft = Record<string, string | string[]>;

const SCALE = [1, 2, 3, 4, 5] as const;

/** What the form holds, as the API takes it: numbers for scales and choices, text trimmed. */
export function toAnswers(questions: readonly Question[], draft: Draft): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const q of questions) {
    const value = draft[q.id];
    if (value === undefined) continue;
    if (q.kind === 'multiple' && Array.isArray(value)) {
      if (value.length > 0) answers[q.id] = value.map(Number);
    } else if (typeof value === 'string' && value.trim() !== '') {
      answers[q.id] = q.kind === 'text' ? value.trim() : Number(value);
    }
  }
  return answers;
}

/** The required questions left unanswered, by id. */
export function missingRequired(questions: readonly Question[], draft: Draft): string[] {
  const answers = toAnswers(questions, draft);
  return questions.filter((q) => q.required && answers[q.id] === undefined).map((q) => q.id);
}

function QuestionField({
  question,
  number,
  value,
  error,
  onChange,
}: {
  question: Question;
  number: number;
  value: string | string[] | undefined;
  error: string | undefined;
  onChange: (value: string | string[]) => void;
}) {
  const { t } = useTranslation();
  const label = `${number}. ${question.text}`;
  const common = { label, withAsterisk: question.required, error };
  switch (question.kind) {
    case 'scale':
      return (
        <Radio.Group
          {...common}
          description={t('surveys.answer.scaleHint')}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        >
          <Group gap="lg" mt="xs" wrap="wrap">
            {SCALE.map((n) => (
              <Radio key={n} value={String(n)} label={t(`surveys.scale.${n}`, { n })} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'single':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        >
          <Stack gap={6} mt="xs">
            {question.options.map((option, i) => (
              <Radio key={option} value={String(i)} label={option} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          {...common}
          description={t('surveys.answer.multipleHint')}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        >
          <Stack gap={6} mt="xs">
            {question.options.map((option, i) => (
              <Checkbox key={option} value={String(i)} label={option} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxLength={4000}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

/**
 * A survey to answer, in the language it was fetched in. Required questions are checked here
 * first; the server's checks come back beside the question they are about.
 */
export function SurveyFormView({
  form,
  onSubmit,
  draftId = null,
}: {
  form: SurveyForm;
  onSubmit: (answers: SurveyAnswers) => Promise<unknown>;
  /** Keeps the answers as a local draft under this name (signed-in pages only). */
  draftId?: string | null;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({});
  const local = useDraft<Draft>(draftId, { restore: setDraft, reset: () => setDraft({}) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(form.answeredAt !== null);

  if (done) {
    return (
      <Alert color="teal" role="status" title={t('surveys.answer.thanksTitle')}>
        {t('surveys.answer.thanks')}
      </Alert>
    );
  }
  if (form.closed) {
    return (
      <Alert color="gray" role="status">
        {t('surveys.errors.survey_closed')}
      </Alert>
    );
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    const missing = missingRequired(form.questions, draft);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((id) => [id, t('surveys.answer.required')])));
      document
        .getElementById(`question-${missing[0]}`)
        ?.querySelector<HTMLElement>('input, textarea')
        ?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(toAnswers(form.questions, draft));
      local.clear();
      setDone(true);
    } catch (caught) {
      if (isApiError(caught, 'already_answered')) {
        local.clear();
        setDone(true);
        return;
      }
      if (isApiError(caught) && caught.problem.errors) {
        setErrors(
          Object.fromEntries(
            caught.problem.errors.map((e) => [
              e.field.replace(/^answers\./, ''),
              t('surveys.answer.invalid'),
            ]),
          ),
        );
      }
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {form.anonymous ? t('surveys.answer.anonymous') : t('surveys.answer.named')}{' '}
          {t('surveys.answer.closes')} <DateText value={form.closesAt} timeZone={form.timeZone} />
        </Text>
        {local.notice}
        {failure !== null && (
          <Alert color="red" role="alert">
            {surveyErrorMessage(failure)}
          </Alert>
        )}
        {form.questions.map((question, index) => (
          <Paper key={question.id} withBorder p="md" id={`question-${question.id}`}>
            <QuestionField
              question={question}
              number={index + 1}
              value={draft[question.id]}
              error={errors[question.id]}
              onChange={(value) => {
                const next = { ...draft, [question.id]: value };
                setDraft(next);
                local.save(next);
                setErrors(({ [question.id]: _answered, ...rest }) => rest);
              }}
            />
          </Paper>
        ))}
        <Group>
          <Button type="submit" loading={busy}>
            {t('surveys.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
