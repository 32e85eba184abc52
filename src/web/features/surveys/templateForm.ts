import type {
  SurveyQuestionKind,
  SurveyTemplate,
  SurveyTemplateInput,
} from '../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../lib/localizedForm.js';

export interface QuestionValues {
  /** Stable across edits so React keeps each question's fields. */
  key: string;
  id: string;
  kind: SurveyQuestionKind;
  text: LocalizedTextValues;
  options: LocalizedTextValues[];
  required: boolean;
}

export interface TemplateValues {
  code: string;
  title: LocalizedTextValues;
  level: '1' | '3';
  anonymous: boolean;
  questions: QuestionValues[];
}

let serial = 0;
const nextKey = () => {
  serial += 1;
  return `q${serial}`;
};

export const isChoiceKind = (kind: SurveyQuestionKind) => kind === 'single' || kind === 'multiple';

export function newQuestion(index: number, kind: SurveyQuestionKind = 'scale'): QuestionValues {
  const blank = toLocalizedValues();
  return {
    key: nextKey(),
    id: `q${index + 1}`,
    kind,
    text: blank,
    options: isChoiceKind(kind) ? [toLocalizedValues(), toLocalizedValues()] : [],
    required: true,
  };
}

export function templateValues(template?: SurveyTemplate): TemplateValues {
  if (!template) {
    return {
      code: '',
      title: toLocalizedValues(),
      level: '1',
      anonymous: false,
      questions: [newQuestion(0)],
    };
  }
  return {
    code: template.code,
    title: toLocalizedValues(template.title),
    level: template.level === 3 ? '3' : '1',
    anonymous: template.anonymous,
    questions: template.questions.map((q) => ({
      key: nextKey(),
      id: q.id,
      kind: q.kind,
      text: toLocalizedValues(q.text),
      options: q.options.map((o) => toLocalizedValues(o)),
      required: q.required,
    })),
  };
}

/** The form's values as the API takes them; options only on choice questions. */
export function toTemplateInput(values: TemplateValues): SurveyTemplateInput {
  return {
    code: values.code.trim(),
    title: fromLocalizedValues(values.title),
    level: values.level === '3' ? 3 : 1,
    anonymous: values.anonymous,
    questions: values.questions.map((q) => ({
      id: q.id.trim(),
      kind: q.kind,
      text: fromLocalizedValues(q.text),
      ...(isChoiceKind(q.kind) ? { options: q.options.map(fromLocalizedValues) } : {}),
      required: q.required,
    })),
  };
}
