import type { TemplateSet } from './types.js';

const SIGN_OFF = '\n\nمع أطيب التحيات،\nمركز التدريب';

export const ar: TemplateSet = {
  'visa-letter-issued': {
    subject: 'رسالة دعوة لغرض التأشيرة: {{participantName}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

أصدر المركز رسالة الدعوة لغرض التأشيرة للمشارك {{participantName}} ({{nationName}}) للدورة {{sessionCode}} ({{activityTitle}})، {{dates}} في {{venue}}. الرسالة مرفقة بصيغة PDF باللغتين الإنجليزية والعربية لتقديمها إلى القنصلية.

يمكن للقنصلية التحقق من صحتها عبر صفحة التحقق الخاصة بها، أو عبر رمز QR المطبوع على الرسالة:
{{letterUrl}}

ويمكنكم تنزيلها مرة أخرى من رسائل التأشيرة الخاصة بالدورة في رابطة:
{{link}}${SIGN_OFF}`,
  },
  'lecturer-letter-issued': {
    subject: 'رسالة الدعوة الخاصة بكم للدورة {{sessionCode}}: {{activityTitle}}',
    body: `السيد/السيدة {{recipientName}}،

يتشرف المركز بدعوتكم للمشاركة بصفة {{role}} في {{activityTitle}} ({{sessionCode}})، {{dates}} في {{venue}}. رسالة الدعوة لغرض التأشيرة مرفقة بصيغة PDF باللغتين الإنجليزية والعربية لتقديمها إلى القنصلية.

يمكن للقنصلية التحقق من صحتها عبر صفحة التحقق الخاصة بها، أو عبر رمز QR المطبوع على الرسالة:
{{letterUrl}}${SIGN_OFF}`,
  },
  'nation-report': {
    subject: 'تقرير ما بعد الدورة ({{nationName}}): {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

أُغلقت نتائج الدورة {{sessionCode}} ({{activityTitle}})، {{dates}}. {{summary}}

التقرير الخاص بضباط دولتكم (النتائج والحضور) مع الأرقام الإجمالية للدورة متاح في رابطة:
{{link}}${SIGN_OFF}`,
  },
  'nomination-proposed': {
    subject: 'اقتراح ترشيح: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

تم اقتراح {{participantName}} للدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}} في {{venue}}.

ينتظر الترشيح الآن مراجعة نقطة الاتصال الوطنية ({{nationName}}) وتقديمه:
{{link}}${SIGN_OFF}`,
  },
  'nomination-submitted': {
    subject: 'تقديم ترشيح: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

قدّمت نقطة الاتصال الوطنية ({{nationName}}) ترشيح {{participantName}} للدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}} في {{venue}}.

سيدرس المركز الترشيح ويعلن قراره بعد انتهاء فترة الترشيح:
{{link}}${SIGN_OFF}`,
  },
  'nomination-selected': {
    subject: 'قبول: {{participantName}} في {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

يسرّنا أن نؤكد قبول {{participantName}} في الدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}} في {{venue}}.

ستصلكم تعليمات الالتحاق لاحقًا. التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'nomination-waitlisted': {
    subject: 'قائمة الانتظار: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

وُضع ترشيح {{participantName}} للدورة {{sessionCode}} ({{activityTitle}}) على قائمة الانتظار.

إذا شغر مقعد، يُمنح حسب ترتيب قائمة الانتظار وسنبلغكم فورًا:
{{link}}${SIGN_OFF}`,
  },
  'nomination-rejected': {
    subject: 'عدم قبول الترشيح: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

نأسف لإبلاغكم بأنه تعذّر قبول ترشيح {{participantName}} للدورة {{sessionCode}} ({{activityTitle}}).

السبب: {{reason}}

التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'nomination-promoted': {
    subject: 'شغور مقعد: قبول {{participantName}} في الدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

شغر مقعد، وانتقل {{participantName}} من قائمة الانتظار إلى المشاركين المقبولين في الدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}} في {{venue}}.

ستصلكم تعليمات الالتحاق لاحقًا. التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'nomination-withdrawn': {
    subject: 'سحب الترشيح: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

سُحب ترشيح {{participantName}} للدورة {{sessionCode}} ({{activityTitle}}).

السبب: {{reason}}

التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'invitation-received': {
    subject: 'دعوة: {{participantName}} إلى {{sessionCode}} بصفة {{role}}',
    body: `السيد/السيدة {{recipientName}}،

يدعو المركز {{participantName}} ({{nationName}}) إلى {{activityTitle}} (الدورة {{sessionCode}}) من {{startDate}} إلى {{endDate}} في {{venue}}، بصفة {{role}}.

يرجى قبول الدعوة أو الاعتذار عنها؛ يُحجز المقعد عند قبولها:
{{link}}${SIGN_OFF}`,
  },
  'invitation-withdrawn': {
    subject: 'سحب دعوة: {{participantName}} إلى {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

سحب المركز الدعوة الموجهة إلى {{participantName}} ({{nationName}}) بصفة {{role}} إلى {{activityTitle}} (الدورة {{sessionCode}}) من {{startDate}} إلى {{endDate}} في {{venue}}. لم يعد أي مقعد محجوزًا باسم {{participantName}}.

السبب: {{reason}}

دعوات دولتكم:
{{link}}${SIGN_OFF}`,
  },
  'nomination-overridden': {
    subject: 'قبول الأهلية: {{participantName}} للدورة {{sessionCode}}',
    body: `السيد/السيدة {{recipientName}}،

قبِل المركز {{participantName}} للدورة {{sessionCode}} ({{activityTitle}}) من {{startDate}} إلى {{endDate}} في {{venue}}، رغم عدم استيفاء أحد شروط الدورة.

المبرر: {{reason}}

يمكن الآن تقديم الترشيح. التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'joining-instructions': {
    subject: 'تعليمات الالتحاق: {{participantName}}، {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

تجدون أدناه تعليمات الالتحاق الخاصة بالمشارك/المشاركة {{participantName}} ({{nationName}})، المختار/المختارة للدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}} في {{venue}}.

{{instructions}}

تضيف دعوة التقويم المرفقة الدورة إلى تقويمكم. التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'session-changed': {
    subject: 'تعديل على الدورة {{sessionCode}}: {{activityTitle}}',
    body: `السيد/السيدة {{recipientName}}،

أجرى المركز تعديلًا على الدورة {{sessionCode}} ({{activityTitle}}):
{{changes}}

{{concerning}}

موعد الدورة الآن: {{dates}}، في {{venue}}. التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'session-cancelled': {
    subject: 'إلغاء الدورة {{sessionCode}}: {{activityTitle}}',
    body: `السيد/السيدة {{recipientName}}،

نأسف لإبلاغكم بأن المركز ألغى الدورة {{sessionCode}} ({{activityTitle}}) التي كانت مقررة في {{venue}} ({{dates}}).

السبب: {{reason}}

{{concerning}}

التفاصيل:
{{link}}${SIGN_OFF}`,
  },
  'sessions-announced': {
    subject: 'دورات جديدة مفتوحة أمام دولتكم ({{nationName}})',
    body: `السيد/السيدة {{recipientName}}،

أعلن المركز عن دورات مفتوحة لترشيحات دولتكم ({{nationName}}):
{{sessions}}

تُقدَّم الترشيحات عبر رابطة قبل الموعد النهائي لكل دورة:
{{link}}${SIGN_OFF}`,
  },
  'account-invitation': {
    subject: 'حسابكم في رابطة',
    body: `السيد/السيدة {{recipientName}}،

أُنشئ لكم حساب في رابطة، نظام مركز التدريب، بصفتكم مشاركًا من {{nationName}}. ستجدون فيه دوراتكم وتعليمات الالتحاق والاستبيانات والشهادات.

اختاروا كلمة المرور عبر هذا الرابط، وهو صالح لمدة 14 يومًا:
{{link}}

إذا لم تكونوا تنتظرون هذه الرسالة، يمكنكم تجاهلها.${SIGN_OFF}`,
  },
  'password-reset': {
    subject: 'إعادة تعيين كلمة المرور في رابطة',
    body: `السيد/السيدة {{recipientName}}،

تلقّينا طلبًا لإعادة تعيين كلمة المرور لحسابكم في رابطة. اختاروا كلمة مرور جديدة عبر هذا الرابط، وهو صالح لمدة ساعة واحدة ولمرة واحدة فقط:
{{link}}

إذا لم تطلبوا ذلك، تجاهلوا هذه الرسالة: تبقى كلمة المرور دون تغيير.${SIGN_OFF}`,
  },
  'survey-invitation': {
    subject: 'رأيكم في {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

تطلب منكم الدورة {{sessionCode}} ({{activityTitle}})، من {{startDate}} إلى {{endDate}}، تقييمكم: «{{surveyTitle}}» (المشارك: {{participantName}}).

لن يستغرق ذلك سوى دقائق. يُرجى الإجابة قبل {{closesOn}}:
{{link}}${SIGN_OFF}`,
  },
  'survey-reminder': {
    subject: 'تذكير: رأيكم في {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

لم نتلقَّ بعد إجاباتكم على استبيان «{{surveyTitle}}» الخاص بالدورة {{sessionCode}} ({{activityTitle}}) (المشارك: {{participantName}}). يُغلق الاستبيان في {{closesOn}}.

{{link}}

إذا كنتم قد أجبتم في هذه الأثناء، فشكرًا لكم، ويُرجى تجاهل هذه الرسالة.${SIGN_OFF}`,
  },
  'certificate-issued': {
    subject: 'شهادتكم: {{activityTitle}} ({{sessionCode}})',
    body: `السيد/السيدة {{recipientName}}،

تهانينا: صدرت شهادة {{participantName}} الخاصة بالدورة {{sessionCode}} ({{activityTitle}}).

يمكن لأي شخص التحقق من صحتها عبر صفحة التحقق الخاصة بها:
{{certificateUrl}}

ويمكنكم تنزيلها من قسم «تدريبي» في رابطة:
{{myTrainingUrl}}${SIGN_OFF}`,
  },
  'second-factor-added': {
    subject: 'أُضيف عامل تحقق ثانٍ إلى حسابكم في رابطة',
    body: `السيد/السيدة {{recipientName}}،

أُضيف {{factor}} إلى حسابكم في رابطة عاملَ تحقق ثانيًا لتسجيل الدخول. من الآن فصاعدًا، سيُطلب منكم بعد كلمة المرور.

إذا لم تقوموا بذلك، سجّلوا الدخول واحذفوه من صفحة حسابكم وأبلغوا مسؤول المركز فورًا:
{{link}}${SIGN_OFF}`,
  },
  'second-factor-removed': {
    subject: 'أُزيل عامل تحقق ثانٍ من حسابكم في رابطة',
    body: `السيد/السيدة {{recipientName}}،

أُزيل {{factor}} من حسابكم في رابطة، ولم يعد صالحًا لتسجيل الدخول.

إذا لم تقوموا بذلك، أبلغوا مسؤول المركز فورًا. صفحة حسابكم:
{{link}}${SIGN_OFF}`,
  },
  'second-factors-reset': {
    subject: 'أُعيد تعيين عوامل التحقق الثانية لحسابكم في رابطة',
    body: `السيد/السيدة {{recipientName}}،

أزال أحد المسؤولين جميع عوامل التحقق الثانية من حسابكم في رابطة (تطبيق المصادقة ومفاتيح المرور ورموز الاسترداد) وأنهى جلساتكم المفتوحة. عند تسجيل الدخول القادم بكلمة المرور، قد يُطلب منكم إعداد عامل جديد.

إذا لم تطلبوا ذلك، أبلغوا مسؤول المركز فورًا. صفحة حسابكم:
{{link}}${SIGN_OFF}`,
  },
};
