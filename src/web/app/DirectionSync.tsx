import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, isLocale } from '../i18n/index.js';

/** Mirrors Mantine's layout when the language changes (the <html> attributes are set by i18n). */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language = i18n.language;
  useEffect(() => {
    setDirection(isLocale(language) ? directionOf(language) : 'ltr');
  }, [language, setDirection]);
  return null;
}
