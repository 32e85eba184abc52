import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack p="xl" gap="sm" component="main">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFound')}</Text>
      <AnchorLink to="/">{t('common.goHome')}</AnchorLink>
    </Stack>
  );
}
