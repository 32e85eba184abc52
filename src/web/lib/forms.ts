import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { z } from 'zod';
import i18n from '../i18n/index.js';
import { isApiError } from './api.js';
import { check, type FieldErrors, problemFieldErrors } from './validation.js';

const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

/** A Mantine `validate` function that checks the form through the API's own zod schema. */
export function validateWith<V, S extends z.ZodType>(schema: S, toInput: (values: V) => unknown) {
  return (values: V): FieldErrors => {
    const result = check(schema, toInput(values), t);
    return result.ok ? {} : result.errors;
  };
}

/** Parses the values once more to get the schema's output (defaults applied, text trimmed). */
export function parseWith<V, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => unknown,
  values: V,
): z.output<S> {
  return schema.parse(toInput(values));
}

/**
 * Puts a failed request's field errors beside the fields. Conflicts such as `nation_exists`
 * belong to one field too; `conflictFields` says which.
 */
export function showServerErrors<V>(
  form: UseFormReturnType<V>,
  error: unknown,
  conflictFields: Record<string, string> = {},
): void {
  if (!isApiError(error)) return;
  const errors = problemFieldErrors(error.problem, t, i18n.language);
  const field = conflictFields[error.code];
  if (field) errors[field] = i18n.t(`errors.codes.${error.code}`);
  if (Object.keys(errors).length > 0) form.setErrors(errors);
}

/**
 * Mantine's Select takes '' for a value (and then shows its clear button); the form keeps ''
 * for "none", so map it to null on the way in and back on the way out.
 */
export function clearableSelect<V>(form: UseFormReturnType<V>, path: string) {
  const props = form.getInputProps(path);
  return {
    ...props,
    value: typeof props.value === 'string' && props.value !== '' ? props.value : null,
    onChange: (value: string | null) => props.onChange(value ?? ''),
  };
}

/**
 * A form's save, the way every form here behaves: the last error is cleared, the server's field
 * errors land beside their fields (409 codes on the field `conflictFields` names), the problem
 * shows above the form, and nothing typed is lost.
 */
export function useSaveForm<V>(
  form: UseFormReturnType<V>,
  save: (values: V) => Promise<void>,
  conflictFields: Record<string, string> = {},
): { error: unknown; submit: (values: V) => Promise<void> } {
  const [error, setError] = useState<unknown>(null);
  async function submit(values: V) {
    setError(null);
    try {
      await save(values);
    } catch (caught) {
      showServerErrors(form, caught, conflictFields);
      setError(caught);
    }
  }
  return { error, submit };
}
