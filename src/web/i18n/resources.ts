import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import activityKindsAr from './parts/activityKinds/ar.json';
import activityKindsEn from './parts/activityKinds/en.json';
import activityKindsFr from './parts/activityKinds/fr.json';
import agendaAr from './parts/agenda/ar.json';
import agendaEn from './parts/agenda/en.json';
import agendaFr from './parts/agenda/fr.json';
import attendanceAr from './parts/attendance/ar.json';
import attendanceEn from './parts/attendance/en.json';
import attendanceFr from './parts/attendance/fr.json';
import certificatesAr from './parts/certificates/ar.json';
import certificatesEn from './parts/certificates/en.json';
import certificatesFr from './parts/certificates/fr.json';
import documentsAr from './parts/documents/ar.json';
import documentsEn from './parts/documents/en.json';
import documentsFr from './parts/documents/fr.json';
import exportsAr from './parts/exports/ar.json';
import exportsEn from './parts/exports/en.json';
import exportsFr from './parts/exports/fr.json';
import homeAr from './parts/home/ar.json';
import homeEn from './parts/home/en.json';
import homeFr from './parts/home/fr.json';
import importsAr from './parts/imports/ar.json';
import importsEn from './parts/imports/en.json';
import importsFr from './parts/imports/fr.json';
import invitationsAr from './parts/invitations/ar.json';
import invitationsEn from './parts/invitations/en.json';
import invitationsFr from './parts/invitations/fr.json';
import lecturersAr from './parts/lecturers/ar.json';
import lecturersEn from './parts/lecturers/en.json';
import lecturersFr from './parts/lecturers/fr.json';
import logisticsAr from './parts/logistics/ar.json';
import logisticsEn from './parts/logistics/en.json';
import logisticsFr from './parts/logistics/fr.json';
import messagesAr from './parts/messages/ar.json';
import messagesEn from './parts/messages/en.json';
import messagesFr from './parts/messages/fr.json';
import namesAr from './parts/names/ar.json';
import namesEn from './parts/names/en.json';
import namesFr from './parts/names/fr.json';
import nominationsAr from './parts/nominations/ar.json';
import nominationsEn from './parts/nominations/en.json';
import nominationsFr from './parts/nominations/fr.json';
import participantsAr from './parts/participants/ar.json';
import participantsEn from './parts/participants/en.json';
import participantsFr from './parts/participants/fr.json';
import plansAr from './parts/plans/ar.json';
import plansEn from './parts/plans/en.json';
import plansFr from './parts/plans/fr.json';
import portalAr from './parts/portal/ar.json';
import portalEn from './parts/portal/en.json';
import portalFr from './parts/portal/fr.json';
import programmesAr from './parts/programmes/ar.json';
import programmesEn from './parts/programmes/en.json';
import programmesFr from './parts/programmes/fr.json';
import publicCatalogueAr from './parts/publicCatalogue/ar.json';
import publicCatalogueEn from './parts/publicCatalogue/en.json';
import publicCatalogueFr from './parts/publicCatalogue/fr.json';
import reportsAr from './parts/reports/ar.json';
import reportsEn from './parts/reports/en.json';
import reportsFr from './parts/reports/fr.json';
import resultsAr from './parts/results/ar.json';
import resultsEn from './parts/results/en.json';
import resultsFr from './parts/results/fr.json';
import searchAr from './parts/search/ar.json';
import searchEn from './parts/search/en.json';
import searchFr from './parts/search/fr.json';
import secondFactorsAr from './parts/secondFactors/ar.json';
import secondFactorsEn from './parts/secondFactors/en.json';
import secondFactorsFr from './parts/secondFactors/fr.json';
import sessionLossAr from './parts/sessionLoss/ar.json';
import sessionLossEn from './parts/sessionLoss/en.json';
import sessionLossFr from './parts/sessionLoss/fr.json';
import surveysAr from './parts/surveys/ar.json';
import surveysEn from './parts/surveys/en.json';
import surveysFr from './parts/surveys/fr.json';
import timeAr from './parts/time/ar.json';
import timeEn from './parts/time/en.json';
import timeFr from './parts/time/fr.json';
import visaLettersAr from './parts/visaLetters/ar.json';
import visaLettersEn from './parts/visaLetters/en.json';
import visaLettersFr from './parts/visaLetters/fr.json';
import webhooksAr from './parts/webhooks/ar.json';
import webhooksEn from './parts/webhooks/en.json';
import webhooksFr from './parts/webhooks/fr.json';

type Tree = { [key: string]: string | Tree };

/**
 * Each feature keeps its strings in its own files under `parts/`, with namespaces of its own;
 * a namespace defined twice is a mistake, so it throws rather than silently losing keys.
 */
function combine(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [namespace, value] of Object.entries(tree)) {
      if (namespace in out) throw new Error(`i18n namespace "${namespace}" is defined twice`);
      out[namespace] = value;
    }
  }
  return out;
}

export const messages = {
  en: combine(
    en,
    participantsEn,
    nominationsEn,
    messagesEn,
    logisticsEn,
    portalEn,
    attendanceEn,
    resultsEn,
    surveysEn,
    certificatesEn,
    programmesEn,
    reportsEn,
    secondFactorsEn,
    homeEn,
    timeEn,
    sessionLossEn,
    namesEn,
    webhooksEn,
    searchEn,
    exportsEn,
    importsEn,
    visaLettersEn,
    invitationsEn,
    lecturersEn,
    activityKindsEn,
    documentsEn,
    plansEn,
    agendaEn,
    publicCatalogueEn,
  ),
  fr: combine(
    fr,
    participantsFr,
    nominationsFr,
    messagesFr,
    logisticsFr,
    portalFr,
    attendanceFr,
    resultsFr,
    surveysFr,
    certificatesFr,
    programmesFr,
    reportsFr,
    secondFactorsFr,
    homeFr,
    timeFr,
    sessionLossFr,
    namesFr,
    webhooksFr,
    searchFr,
    exportsFr,
    importsFr,
    visaLettersFr,
    invitationsFr,
    lecturersFr,
    activityKindsFr,
    documentsFr,
    plansFr,
    agendaFr,
    publicCatalogueFr,
  ),
  ar: combine(
    ar,
    participantsAr,
    nominationsAr,
    messagesAr,
    logisticsAr,
    portalAr,
    attendanceAr,
    resultsAr,
    surveysAr,
    certificatesAr,
    programmesAr,
    reportsAr,
    secondFactorsAr,
    homeAr,
    timeAr,
    sessionLossAr,
    namesAr,
    webhooksAr,
    searchAr,
    exportsAr,
    importsAr,
    visaLettersAr,
    invitationsAr,
    lecturersAr,
    activityKindsAr,
    documentsAr,
    plansAr,
    agendaAr,
    publicCatalogueAr,
  ),
};
