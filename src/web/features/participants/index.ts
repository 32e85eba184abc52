// What other features build on: the name in both scripts and the search behind a person picker.
export { participantKeys, participantQuery, participantsQuery, possibleDuplicates } from './api.js';
export { ClearanceText } from './ClearanceText.js';
export { rankText } from './labels.js';
export {
  arabicName,
  latinName,
  type NamedParticipant,
  ParticipantName,
} from './ParticipantName.js';
export {
  type ParticipantSearch,
  type ParticipantSearchOptions,
  useParticipantSearch,
} from './useParticipantSearch.js';
