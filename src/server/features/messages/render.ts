const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Puts the values into a template's {{placeholders}}. A value that is missing becomes empty
 * text: a message with a gap is better than no message at all.
 */
export function renderText(template: string, variables: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    Object.hasOwn(variables, name) ? String(variables[name] ?? '') : '',
  );
}

/** A subject is one header line: line breaks in values must not start new headers. */
export function renderSubject(
  template: string,
  variables: Readonly<Record<string, string>>,
): string {
  return renderText(template, variables)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => String(m[1])))];
}
