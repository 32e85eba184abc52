import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, theme } from './theme.js';

/**
 * Mantine with the theme's words in the reader's language: every pop-up notification's and
 * dialog's close button gets a name a screen reader can say, wherever it is shown from.
 */
export function LocalizedMantineProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the words change with the language
  const localized = useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            Notification: {
              defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotice') } },
            },
            // Every dialog's close button has a name, even where a dialog forgets to give one.
            Modal: {
              defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } },
            },
          },
        }),
      ),
    [t, language],
  );
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
