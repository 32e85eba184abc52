-- Alliance-scale catalogue for the benchmark: 2,000 activities and 20,000 sessions, with titles
-- built from word lists in English, French and Arabic so that full-text search has work to do.
-- Expects the demo centre (disciplines, institutions, venues, nations) to be loaded already.
with words as (
  select
    array['Advanced','Basic','Strategic','Operational','Regional','Joint','Applied','Senior'] as en_adj,
    array['Cyber Defence','Energy Security','CBRN Defence','Counter-Terrorism','Maritime Security','Crisis Management','Lessons Learned','Arms Control','Protocol','Cooperative Security'] as en_topic,
    array['Course','Workshop','Seminar','Exercise','Training'] as en_kind,
    array['avancé','de base','stratégique','opérationnel','régional','interarmées','appliqué','supérieur'] as fr_adj,
    array['cyberdéfense','sécurité énergétique','défense NRBC','lutte contre le terrorisme','sûreté maritime','gestion de crise','retour d’expérience','maîtrise des armements','protocole','sécurité coopérative'] as fr_topic,
    array['المتقدمة','الأساسية','الاستراتيجية','العملياتية','الإقليمية','المشتركة','التطبيقية','العليا'] as ar_adj,
    array['الدفاع السيبراني','أمن الطاقة','الدفاع الكيميائي','مكافحة الإرهاب','الأمن البحري','إدارة الأزمات','الدروس المستفادة','الحد من التسلح','المراسم','الأمن التعاوني'] as ar_topic,
    array['CYBER','ENERGY','CBRN','CT','MARSEC','CEP','LL','ARMS','PROTOCOL','COOP'] as discipline,
    array['NIRC','NSO','NDC','JCBRN-COE','NMIOTC','ENSEC-COE','COE-DAT','CCDCOE','JALLC','MARSEC-COE'] as provider,
    array['residential','mobile-training-team','online','blended'] as delivery
)
insert into activities (code, type, title, description, discipline_code, provider_code, delivery,
  duration_days, language, prerequisites, classification, releasability, releasable_to_all,
  releasable_frameworks, releasable_nations, evaluation_levels, default_capacity, status)
select
  'BENCH-' || lpad(i::text, 5, '0'),
  (array['course','exercise','dialogue-event','expert-visit'])[1 + i % 4],
  jsonb_build_object(
    'en', en_adj[1 + i % 8] || ' ' || en_topic[1 + (i / 8) % 10] || ' ' || en_kind[1 + i % 5] || ' ' || i,
    'fr', 'Cours ' || fr_adj[1 + i % 8] || ' de ' || fr_topic[1 + (i / 8) % 10] || ' ' || i,
    'ar', 'دورة ' || ar_topic[1 + (i / 8) % 10] || ' ' || ar_adj[1 + i % 8] || ' ' || i),
  jsonb_build_object('en', 'Prepares staff officers for ' || lower(en_topic[1 + (i / 8) % 10]) || ' in a partnership setting.'),
  discipline[1 + (i / 8) % 10],
  provider[1 + i % 10],
  delivery[1 + i % 4],
  1 + i % 10,
  'en',
  '{"rankMin":null,"rankMax":null,"civiliansAllowed":true,"languages":[],"clearance":"NONE","courses":[],"extra":null}',
  'NATO UNCLASSIFIED',
  case when i % 5 = 0 then '{"all":false,"frameworks":["MD"],"nations":[]}'::jsonb
       when i % 5 = 1 then '{"all":false,"frameworks":["ICI"],"nations":["SAU","OMN"]}'::jsonb
       else '{"all":true,"frameworks":[],"nations":[]}'::jsonb end,
  i % 5 > 1,
  case when i % 5 = 0 then array['MD'] when i % 5 = 1 then array['ICI'] else '{}'::text[] end,
  case when i % 5 = 1 then array['SAU','OMN'] else '{}'::text[] end,
  array[1],
  24,
  case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'retired' else 'active' end
from generate_series(1, 2000) as i, words;

insert into training_sessions (code, activity_id, start_date, end_date, venue_code, capacity,
  nomination_opens, nomination_closes, nomination_deadline, status, language)
select
  a.code || '-S' || s,
  a.id,
  d.start_date,
  d.start_date + a.duration_days,
  (array['KWI-NIRC','BGW','AMM','OBERAMMERGAU','ONLINE'])[1 + s % 5],
  24,
  d.start_date - 90,
  d.start_date - 14,
  (d.start_date - 14 + 1)::timestamptz - interval '3 hours 1 millisecond',
  (array['completed','completed','completed','announced','announced','nominations-closed','confirmed','draft','cancelled','announced'])[1 + s],
  'en'
from activities a
cross join generate_series(0, 9) as s
cross join lateral (select (current_date + ((s - 4) * 120 + (hashtext(a.code) % 60)))::date as start_date) d
where a.code like 'BENCH-%';
analyze;
