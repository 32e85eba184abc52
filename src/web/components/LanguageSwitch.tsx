import { Box, Button, Menu } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale, type Me } from '../../contract/index.js';
import { meQuery } from '../features/auth/session.js';
import { currentLocale, rememberChoiceBeforeSignIn, rememberLocale } from '../i18n/index.js';
import { api } from '../lib/api.js';

// Each language is named in itself, so a lost reader can always find their own.
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', ar: 'العربية' };
// On the narrowest phones the header holds the menu, search, bell, language and sign-out: the
// current language by its short name there (the menu still lists every one in full).
const SHORT_NAMES: Record<Locale, string> = { en: 'EN', fr: 'FR', ar: 'عربي' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const active = currentLocale();

  async function choose(locale: Locale) {
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    if (!queryClient.getQueryData(meQuery.queryKey)) {
      rememberChoiceBeforeSignIn(locale);
      return;
    }
    queryClient.setQueryData(meQuery.queryKey, (old) =>
      old ? { ...old, user: { ...old.user, locale } } : old,
    );
    try {
      const updated = await api<Me>('/api/v1/auth/me/preferences', {
        method: 'PATCH',
        body: { locale },
      });
      queryClient.setQueryData(meQuery.queryKey, updated);
    } catch {
      // The page already speaks the new language; the profile catches up on the next change.
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<IconLanguage size={16} aria-hidden />}
          aria-label={t('language.choose', { current: NATIVE_NAMES[active] })}
        >
          <Box component="span" lang={active} visibleFrom="xs">
            {NATIVE_NAMES[active]}
          </Box>
          <Box component="span" lang={active} hiddenFrom="xs">
            {SHORT_NAMES[active]}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            onClick={() => void choose(locale)}
            lang={locale}
            dir={locale === 'ar' ? 'rtl' : 'ltr'}
            aria-current={locale === active ? 'true' : undefined}
            fw={locale === active ? 700 : undefined}
          >
            {NATIVE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
