import { describe, expect, it } from 'vitest';
import { SurveyTemplateInput } from '../../../contract/index.js';
import { newQuestion, templateValues, toTemplateInput } from './templateForm.js';

describe('the template form', () => {
  it('turns its values into a valid template, options only on choices', () => {
    const values = templateValues();
    values.code = 'L1-NEW';
    values.title = { en: 'End of course', fr: '', ar: 'نهاية الدورة' };
    values.questions = [
      { ...newQuestion(0, 'scale'), text: { en: 'Overall', fr: '', ar: '' } },
      {
        ...newQuestion(1, 'single'),
        text: { en: 'Pace', fr: '', ar: '' },
        options: [
          { en: 'Slow', fr: '', ar: '' },
          { en: 'Fast', fr: '', ar: '' },
        ],
      },
    ];
    const input = toTemplateInput(values);
    expect(SurveyTemplateInput.safeParse(input).success).toBe(true);
    expect(input.title).toEqual({ en: 'End of course', ar: 'نهاية الدورة' });
    expect(input.questions[0]).not.toHaveProperty('options');
    expect(input.questions[1]?.options).toHaveLength(2);
  });

  it('starts a choice question with two blank options', () => {
    expect(newQuestion(2, 'multiple')).toMatchObject({ id: 'q3', options: [{}, {}] });
  });
});
