import type { Activity, ActivityStatus } from '../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../lib/localizedForm.js';
import { blankToNull } from '../../lib/validation.js';
import type { ActivityTypeName, ClearanceName, DeliveryName } from './labels.js';

/**
 * What the form holds: the API's shape (so errors land on the same paths) with plain strings,
 * so every keystroke survives a failed save.
 */
export interface ActivityFormValues {
  code: string;
  type: ActivityTypeName | '';
  title: LocalizedTextValues;
  description: LocalizedTextValues;
  disciplineCode: string;
  providerCode: string;
  delivery: DeliveryName | '';
  durationDays: number | string;
  audience: string;
  language: string;
  prerequisites: {
    rankMin: string;
    rankMax: string;
    civiliansAllowed: boolean;
    languages: { language: string; minimum: string }[];
    clearance: ClearanceName;
    courses: string[];
    extra: string;
  };
  classification: string;
  releasability: { all: boolean; frameworks: string[]; nations: string[] };
  publicCatalogue: boolean;
  evaluationLevels: string[];
  defaultCapacity: number | string;
  hasFee: boolean;
  fee: { amount: number | string; currency: string };
  status: ActivityStatus;
}

export function toActivityValues(activity?: Activity): ActivityFormValues {
  const p = activity?.prerequisites;
  return {
    code: activity?.code ?? '',
    type: activity?.type ?? 'course',
    title: toLocalizedValues(activity?.title),
    description: toLocalizedValues(activity?.description ?? undefined),
    disciplineCode: activity?.disciplineCode ?? '',
    providerCode: activity?.providerCode ?? '',
    delivery: activity?.delivery ?? 'residential',
    durationDays: activity?.durationDays ?? 5,
    audience: activity?.audience ?? '',
    language: activity?.language ?? 'en',
    prerequisites: {
      rankMin: p?.rankMin ?? '',
      rankMax: p?.rankMax ?? '',
      civiliansAllowed: p?.civiliansAllowed ?? true,
      languages: p?.languages.map((l) => ({ ...l })) ?? [],
      clearance: p?.clearance ?? 'NONE',
      courses: p?.courses ?? [],
      extra: p?.extra ?? '',
    },
    classification: activity?.classification ?? 'NATO UNCLASSIFIED',
    releasability: {
      all: activity?.releasability.all ?? true,
      frameworks: activity?.releasability.frameworks ?? [],
      nations: activity?.releasability.nations ?? [],
    },
    publicCatalogue: activity?.publicCatalogue ?? false,
    evaluationLevels: (activity?.evaluationLevels ?? [1]).map(String),
    defaultCapacity: activity?.defaultCapacity ?? 24,
    hasFee: Boolean(activity?.fee),
    fee: { amount: activity?.fee?.amount ?? '', currency: activity?.fee?.currency ?? 'EUR' },
    status: activity?.status ?? 'draft',
  };
}

const numberOrBlank = (value: number | string) =>
  value === '' ? undefined : typeof value === 'number' ? value : Number(value);

/** Shapes the values for ActivityInput; the schema then judges them. */
export function toActivityInput(v: ActivityFormValues) {
  const description = fromLocalizedValues(v.description);
  const p = v.prerequisites;
  return {
    code: v.code.trim().toUpperCase(),
    type: v.type || undefined,
    title: fromLocalizedValues(v.title),
    // A blank description is none; a French or Arabic one without English fails on `en`.
    description: description.en.trim() || description.fr || description.ar ? description : null,
    disciplineCode: v.disciplineCode,
    providerCode: v.providerCode,
    delivery: v.delivery || undefined,
    durationDays: numberOrBlank(v.durationDays),
    audience: blankToNull(v.audience),
    language: v.language,
    prerequisites: {
      rankMin: blankToNull(p.rankMin),
      rankMax: blankToNull(p.rankMax),
      civiliansAllowed: p.civiliansAllowed,
      languages: p.languages.map((l) => ({ language: l.language, minimum: l.minimum.trim() })),
      clearance: p.clearance,
      courses: p.courses,
      extra: blankToNull(p.extra),
    },
    classification: v.classification,
    releasability: v.releasability.all
      ? { all: true, frameworks: [], nations: [] }
      : { all: false, frameworks: v.releasability.frameworks, nations: v.releasability.nations },
    publicCatalogue: v.publicCatalogue,
    evaluationLevels: v.evaluationLevels.map(Number).sort(),
    defaultCapacity: numberOrBlank(v.defaultCapacity),
    fee: v.hasFee
      ? { amount: numberOrBlank(v.fee.amount), currency: v.fee.currency.trim().toUpperCase() }
      : null,
    status: v.status,
  };
}

export function toActivityUpdate(values: ActivityFormValues) {
  const { code: _code, ...update } = toActivityInput(values);
  return update;
}
