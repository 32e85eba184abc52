import {
  ActionIcon,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SURVEY_QUESTION_KINDS, type SurveyQuestionKind } from '../../../contract/index.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { toLocalizedValues } from '../../lib/localizedForm.js';
import { isChoiceKind, type TemplateValues } from './templateForm.js';

/** One question of the template form: its id, kind, wording, options and whether required. */
export function QuestionEditor({
  form,
  index,
  count,
  frozen,
}: {
  form: UseFormReturnType<TemplateValues>;
  index: number;
  count: number;
  /** Answers exist: only the wording may change. */
  frozen: boolean;
}) {
  const { t } = useTranslation();
  const path = `questions.${index}`;
  const question = form.getValues().questions[index];
  if (!question) return null;
  const number = index + 1;
  const setKind = (kind: SurveyQuestionKind) => {
    form.setFieldValue(`${path}.kind`, kind);
    if (isChoiceKind(kind) && question.options.length < 2) {
      form.setFieldValue(`${path}.options`, [toLocalizedValues(), toLocalizedValues()]);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('surveys.editor.questionNumber', { number })}</Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              disabled={frozen || index === 0}
              aria-label={t('surveys.editor.moveUp', { number })}
              onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={frozen || index === count - 1}
              aria-label={t('surveys.editor.moveDown', { number })}
              onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={frozen || count === 1}
              aria-label={t('surveys.editor.removeQuestion', { number })}
              onClick={() => form.removeListItem('questions', index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('surveys.editor.questionId')}
            description={t('surveys.editor.questionIdHint')}
            dir="ltr"
            disabled={frozen}
            key={form.key(`${path}.id`)}
            {...form.getInputProps(`${path}.id`)}
          />
          <Select
            label={t('surveys.editor.kind')}
            disabled={frozen}
            allowDeselect={false}
            data={SURVEY_QUESTION_KINDS.map((kind) => ({
              value: kind,
              label: t(`surveys.kind.${kind}`),
            }))}
            value={question.kind}
            onChange={(value) => value && setKind(value as SurveyQuestionKind)}
            error={form.errors[`${path}.kind`]}
          />
          <Switch
            mt={30}
            label={t('surveys.editor.required')}
            disabled={frozen}
            key={form.key(`${path}.required`)}
            {...form.getInputProps(`${path}.required`, { type: 'checkbox' })}
          />
        </Group>
        <LocalizedTextFields
          form={form}
          path={`${path}.text`}
          label={t('surveys.editor.questionText')}
        />
        {isChoiceKind(question.kind) && (
          <Stack gap="xs">
            {question.options.map((_option, o) => (
              // Options have no id of their own; their fields are controlled, so a key by
              // position shows the right values after a removal.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={`${question.key}-${o}`} align="flex-end" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <LocalizedTextFields
                    form={form}
                    path={`${path}.options.${o}`}
                    label={t('surveys.editor.option', { number: o + 1 })}
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={4}
                  disabled={frozen || question.options.length <= 2}
                  aria-label={t('surveys.editor.removeOption', { number: o + 1 })}
                  onClick={() => form.removeListItem(`${path}.options`, o)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {form.errors[`${path}.options`] && (
              <Text c="red" fz="sm" role="alert">
                {form.errors[`${path}.options`]}
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="subtle"
                disabled={frozen || question.options.length >= 12}
                onClick={() => form.insertListItem(`${path}.options`, toLocalizedValues())}
              >
                {t('surveys.editor.addOption')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
