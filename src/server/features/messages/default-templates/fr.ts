import type { TemplateSet } from './types.js';

const SIGN_OFF = '\n\nBien cordialement,\nLe centre de formation';

export const fr: TemplateSet = {
  'visa-letter-issued': {
    subject: 'Lettre d’invitation pour visa : {{participantName}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Le centre a établi la lettre d’invitation pour visa de {{participantName}} ({{nationName}}) pour la session {{sessionCode}} ({{activityTitle}}) : {{dates}}, {{venue}}. La lettre est jointe en PDF, en anglais et en arabe, pour le consulat.

Un consulat peut vérifier son authenticité sur sa page de vérification, également accessible par le code QR de la lettre :
{{letterUrl}}

Vous pouvez la télécharger à nouveau depuis les lettres de visa de la session dans Rabita :
{{link}}${SIGN_OFF}`,
  },
  'lecturer-letter-issued': {
    subject: 'Votre lettre d’invitation pour {{sessionCode}} : {{activityTitle}}',
    body: `Bonjour {{recipientName}},

Le centre vous invite à intervenir en qualité de {{role}} à la session {{sessionCode}} : {{activityTitle}}, {{dates}}, {{venue}}. Votre lettre d’invitation pour le visa est jointe en PDF, en anglais et en arabe, pour le consulat.

Un consulat peut vérifier son authenticité sur sa page de vérification, également accessible par le code QR de la lettre :
{{letterUrl}}${SIGN_OFF}`,
  },
  'nation-report': {
    subject: 'Rapport de fin de cours ({{nationName}}) : {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Les résultats de la session {{sessionCode}} ({{activityTitle}}), {{dates}}, sont clôturés. {{summary}}

Le rapport sur les officiers de votre pays (résultats et présence), avec les chiffres d’ensemble de la session, est dans Rabita :
{{link}}${SIGN_OFF}`,
  },
  'nomination-proposed': {
    subject: 'Candidature proposée : {{participantName}} pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

{{participantName}} a été proposé(e) pour la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

La candidature attend maintenant l'examen et la soumission du point de contact national ({{nationName}}) :
{{link}}${SIGN_OFF}`,
  },
  'nomination-submitted': {
    subject: 'Candidature soumise : {{participantName}} pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

Le point de contact national ({{nationName}}) a soumis la candidature de {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

Le centre l'examinera et communiquera sa décision après la clôture des candidatures :
{{link}}${SIGN_OFF}`,
  },
  'nomination-selected': {
    subject: 'Sélection : {{participantName}}, {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Nous avons le plaisir de vous confirmer que {{participantName}} a été sélectionné(e) pour la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

Les instructions de ralliement suivront. Détails :
{{link}}${SIGN_OFF}`,
  },
  'nomination-waitlisted': {
    subject: "Liste d'attente : {{participantName}} pour {{sessionCode}}",
    body: `Bonjour {{recipientName}},

La candidature de {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}) a été placée sur la liste d'attente.

Si une place se libère, elle est attribuée dans l'ordre de la liste d'attente et vous en serez informé(e) aussitôt :
{{link}}${SIGN_OFF}`,
  },
  'nomination-rejected': {
    subject: 'Candidature non retenue : {{participantName}} pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

Nous avons le regret de vous informer que la candidature de {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}) n'a pas pu être retenue.

Motif : {{reason}}

Détails :
{{link}}${SIGN_OFF}`,
  },
  'nomination-promoted': {
    subject: 'Place libérée : {{participantName}} sélectionné(e) pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

Une place s'est libérée : {{participantName}} passe de la liste d'attente aux participants sélectionnés de la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

Les instructions de ralliement suivront. Détails :
{{link}}${SIGN_OFF}`,
  },
  'nomination-withdrawn': {
    subject: 'Candidature retirée : {{participantName}} pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

La candidature de {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}) a été retirée.

Motif : {{reason}}

Détails :
{{link}}${SIGN_OFF}`,
  },
  'invitation-received': {
    subject: 'Invitation : {{participantName}} à {{sessionCode}} en qualité de {{role}}',
    body: `Bonjour {{recipientName}},

Le centre invite {{participantName}} ({{nationName}}) en qualité de {{role}} à l'activité suivante : {{activityTitle}} (session {{sessionCode}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

Merci d'accepter ou de décliner l'invitation ; une place est réservée dès qu'elle est acceptée :
{{link}}${SIGN_OFF}`,
  },
  'invitation-withdrawn': {
    subject: 'Invitation retirée : {{participantName}} à {{sessionCode}}',
    body: `Bonjour {{recipientName}},

Le centre a retiré son invitation de {{participantName}} ({{nationName}}) en qualité de {{role}} à l'activité suivante : {{activityTitle}} (session {{sessionCode}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}). Aucune place n'est plus réservée pour {{participantName}}.

Motif : {{reason}}

Les invitations de votre nation :
{{link}}${SIGN_OFF}`,
  },
  'nomination-overridden': {
    subject: 'Éligibilité acceptée : {{participantName}} pour {{sessionCode}}',
    body: `Bonjour {{recipientName}},

Le centre accepte {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}), bien qu'une condition du cours ne soit pas remplie.

Justification : {{reason}}

La candidature peut maintenant être soumise. Détails :
{{link}}${SIGN_OFF}`,
  },
  'joining-instructions': {
    subject:
      'Instructions de ralliement : {{participantName}}, {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Veuillez trouver ci-dessous les instructions de ralliement de {{participantName}} ({{nationName}}), retenu(e) pour la session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}} (lieu : {{venue}}).

{{instructions}}

L'invitation jointe ajoute la session à votre agenda. Détails :
{{link}}${SIGN_OFF}`,
  },
  'session-changed': {
    subject: 'Session modifiée : {{sessionCode}}, {{activityTitle}}',
    body: `Bonjour {{recipientName}},

Le centre a modifié la session {{sessionCode}} ({{activityTitle}}) :
{{changes}}

{{concerning}}

Dates de la session désormais : {{dates}} (lieu : {{venue}}). Détails :
{{link}}${SIGN_OFF}`,
  },
  'session-cancelled': {
    subject: 'Session annulée : {{sessionCode}}, {{activityTitle}}',
    body: `Bonjour {{recipientName}},

Nous avons le regret de vous informer que le centre a annulé la session {{sessionCode}} ({{activityTitle}}), prévue aux dates suivantes : {{dates}} (lieu : {{venue}}).

Motif : {{reason}}

{{concerning}}

Détails :
{{link}}${SIGN_OFF}`,
  },
  'sessions-announced': {
    subject: 'Nouvelles sessions ouvertes à votre nation ({{nationName}})',
    body: `Bonjour {{recipientName}},

Le centre a annoncé des sessions ouvertes aux candidatures de votre nation ({{nationName}}) :
{{sessions}}

Les candidatures se soumettent dans Rabita avant la date limite de chaque session :
{{link}}${SIGN_OFF}`,
  },
  'account-invitation': {
    subject: 'Votre compte Rabita',
    body: `Bonjour {{recipientName}},

Un compte a été créé pour vous dans Rabita, le système du centre de formation, en tant que stagiaire ({{nationName}}). Vous y trouverez vos sessions, vos instructions de ralliement, vos questionnaires et vos certificats.

Choisissez votre mot de passe à l'aide de ce lien, valable 14 jours :
{{link}}

Si vous n'attendiez pas ce message, vous pouvez l'ignorer.${SIGN_OFF}`,
  },
  'password-reset': {
    subject: 'Réinitialisation de votre mot de passe Rabita',
    body: `Bonjour {{recipientName}},

Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Rabita. Choisissez un nouveau mot de passe à l'aide de ce lien, valable une heure et utilisable une seule fois :
{{link}}

Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.${SIGN_OFF}`,
  },
  'survey-invitation': {
    subject: 'Votre avis : {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

La session {{sessionCode}} ({{activityTitle}}), du {{startDate}} au {{endDate}}, vous demande votre évaluation : « {{surveyTitle}} » (participant : {{participantName}}).

Cela prend quelques minutes. Merci de répondre avant le {{closesOn}} :
{{link}}${SIGN_OFF}`,
  },
  'survey-reminder': {
    subject: 'Rappel, votre avis : {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Nous n'avons pas encore reçu vos réponses au questionnaire « {{surveyTitle}} » de la session {{sessionCode}} ({{activityTitle}}) (participant : {{participantName}}). Il ferme le {{closesOn}}.

{{link}}

Si vous avez répondu entre-temps, merci, et ne tenez pas compte de ce message.${SIGN_OFF}`,
  },
  'certificate-issued': {
    subject: 'Votre certificat : {{activityTitle}} ({{sessionCode}})',
    body: `Bonjour {{recipientName}},

Félicitations : le certificat de {{participantName}} pour la session {{sessionCode}} ({{activityTitle}}) a été délivré.

Chacun peut en vérifier l'authenticité sur sa page de vérification :
{{certificateUrl}}

Vous pouvez le télécharger dans la rubrique Ma formation de Rabita :
{{myTrainingUrl}}${SIGN_OFF}`,
  },
  'second-factor-added': {
    subject: 'Un second facteur a été ajouté à votre compte Rabita',
    body: `Bonjour {{recipientName}},

{{factor}} a été ajouté à votre compte Rabita comme second facteur de connexion. Désormais, la connexion le demande après votre mot de passe.

Si vous n'êtes pas à l'origine de cet ajout, connectez-vous, retirez-le depuis la page de votre compte et prévenez sans tarder l'administrateur du centre :
{{link}}${SIGN_OFF}`,
  },
  'second-factor-removed': {
    subject: 'Un second facteur a été retiré de votre compte Rabita',
    body: `Bonjour {{recipientName}},

{{factor}} a été retiré de votre compte Rabita et ne permet plus de se connecter.

Si vous n'êtes pas à l'origine de ce retrait, prévenez sans tarder l'administrateur du centre. La page de votre compte :
{{link}}${SIGN_OFF}`,
  },
  'second-factors-reset': {
    subject: 'Les seconds facteurs de votre compte Rabita ont été réinitialisés',
    body: `Bonjour {{recipientName}},

Un administrateur a retiré tous les seconds facteurs de votre compte Rabita (application d'authentification, clés d'accès et codes de secours) et fermé vos sessions ouvertes. À votre prochaine connexion, avec votre mot de passe, il pourra vous être demandé d'en configurer un nouveau.

Si vous ne l'avez pas demandé, prévenez sans tarder l'administrateur du centre. La page de votre compte :
{{link}}${SIGN_OFF}`,
  },
};
