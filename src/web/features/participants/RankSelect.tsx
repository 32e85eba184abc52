import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type NationalRank, nationalRanks } from '../../../domain/national-ranks.js';
import { currentLocale } from '../../i18n/index.js';
import { RANK_CODES } from '../catalogue/labels.js';
import type { ParticipantFormValues } from './participantForm.js';

const CODES = [...RANK_CODES, 'CIV'];
// A national title's option carries its code and its English title; a bare code has no bar.
const SEPARATOR = '|';

const optionOf = (rank: NationalRank) => `${rank.code}${SEPARATOR}${rank.en}`;

/**
 * The rank, picked by the nation's own title (in either script) or by NATO code: the search
 * matches the label, which holds both titles and the code. A title picked also fills the rank
 * title field, in English as the rest of the record is kept.
 */
export function RankSelect({ form }: { form: UseFormReturnType<ParticipantFormValues> }) {
  const { t } = useTranslation();
  const arabic = currentLocale() === 'ar';
  const { nationCode, rankCode, rankTitle } = form.getValues();
  const ranks = nationalRanks(nationCode);
  const titled = ranks.map((rank) => ({
    value: optionOf(rank),
    label: arabic
      ? `${rank.ar} · ${rank.en} · ${rank.code}`
      : `${rank.en} · ${rank.ar} · ${rank.code}`,
  }));
  const bare = CODES.map((code) => ({
    value: code,
    label: ranks.length > 0 ? t('names.rank.codeOnly', { code }) : code,
  }));
  const current = ranks.find(
    (rank) => rank.code === rankCode && (rank.en === rankTitle || rank.ar === rankTitle),
  );
  const { value: _value, onChange: _onChange, ...input } = form.getInputProps('rankCode');

  return (
    <Select
      {...input}
      label={t('names.rank.label')}
      description={t('names.rank.hint')}
      required
      searchable
      data={[...titled, ...bare]}
      value={current ? optionOf(current) : rankCode || null}
      onChange={(picked) => {
        const [code = '', title] = (picked ?? '').split(SEPARATOR);
        form.setFieldValue('rankCode', code);
        if (title) form.setFieldValue('rankTitle', title);
      }}
    />
  );
}
