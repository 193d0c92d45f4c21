/**
 * The policy's reasons (shared/policy.ts: why an action is refused, why the working text is
 * read-only for this user) in the languages beside English, so the interface says them in its
 * own. The server keeps sending the English sentence (in permissions and in `forbidden` /
 * `refused` errors); the client looks it up here and shows the English when it finds none.
 * test/shared/policyWords.test.ts fails when policy.ts has a reason this table lacks.
 */
import type { Lang } from './languages';

type Others = Record<Exclude<Lang, 'en'>, string>;

/** Each reason of shared/policy.ts, by its English sentence. */
export const POLICY_REASONS: Readonly<Record<string, Others>> = {
  'only delegates of the sponsors, the chair and the secretariat may edit this text': {
    fr: 'seuls les délégués des auteurs, la présidence et le secrétariat peuvent modifier ce texte',
    es: 'solo los delegados de los patrocinadores, la presidencia y la Secretaría pueden modificar este texto',
    ru: 'изменять этот текст могут только делегаты авторов, председатель и секретариат',
    ar: 'لا يجوز تعديل هذا النص إلا لمندوبي مقدمي المشروع والرئيس والأمانة',
    zh: '只有提案国的代表、主持人和秘书处可以修改本案文',
  },
  'only the secretariat and delegates may put a draft forward': {
    fr: 'seuls le secrétariat et les délégués peuvent présenter un projet',
    es: 'solo la Secretaría y los delegados pueden presentar un proyecto',
    ru: 'представлять проект могут только секретариат и делегаты',
    ar: 'لا يجوز تقديم مشروع إلا للأمانة والمندوبين',
    zh: '只有秘书处和代表可以提出草案',
  },
  'the draft is frozen: its sponsors can no longer change': {
    fr: 'le projet est gelé : la liste de ses auteurs ne peut plus changer',
    es: 'el proyecto está congelado: sus patrocinadores ya no pueden cambiar',
    ru: 'проект заморожен: состав его авторов больше не может меняться',
    ar: 'المشروع مجمّد: لم يعد من الممكن تغيير مقدميه',
    zh: '草案已冻结：其提案国不能再变动',
  },
  'only the secretariat names the main sponsor': {
    fr: 'seul le secrétariat désigne l’auteur principal',
    es: 'solo la Secretaría designa al patrocinador principal',
    ru: 'основного автора назначает только секретариат',
    ar: 'الأمانة وحدها تسمي مقدم المشروع الرئيسي',
    zh: '只有秘书处指定主提案国',
  },
  'the main sponsor cannot withdraw; the draft itself is withdrawn instead': {
    fr: 'l’auteur principal ne peut pas se retirer ; c’est alors le projet lui-même qui est retiré',
    es: 'el patrocinador principal no puede retirarse; en su lugar se retira el propio proyecto',
    ru: 'основной автор не может выйти из числа авторов; вместо этого снимается сам проект',
    ar: 'لا يجوز لمقدم المشروع الرئيسي الانسحاب؛ وإنما يُسحب المشروع نفسه',
    zh: '主提案国不能退出；而是撤回草案本身',
  },
  'only the secretariat changes the sponsor list; a delegation asks to join or withdraw, and the main sponsor confirms': {
    fr: 'seul le secrétariat modifie la liste des auteurs ; une délégation demande à se porter coauteur ou à se retirer, et l’auteur principal confirme',
    es: 'solo la Secretaría modifica la lista de patrocinadores; una delegación pide sumarse o retirarse, y el patrocinador principal lo confirma',
    ru: 'список авторов изменяет только секретариат; делегация просит о присоединении или выходе, а основной автор подтверждает',
    ar: 'الأمانة وحدها تعدّل قائمة مقدمي المشروع؛ ويطلب الوفد الانضمام أو الانسحاب، ويؤكد ذلك مقدم المشروع الرئيسي',
    zh: '只有秘书处更改提案国名单；代表团请求加入或退出，由主提案国确认',
  },
  "you are not the chair of this draft's informal consultations": {
    fr: 'vous ne présidez pas les consultations officieuses sur ce projet',
    es: 'usted no preside las consultas oficiosas sobre este proyecto',
    ru: 'вы не являетесь председателем неофициальных консультаций по этому проекту',
    ar: 'لست رئيس المشاورات غير الرسمية بشأن هذا المشروع',
    zh: '您不是本草案非正式磋商的主持人',
  },
  'only delegates speaking for a delegation, the chair and the secretariat may table proposals': {
    fr: 'seuls les délégués qui s’expriment au nom d’une délégation, la présidence et le secrétariat peuvent présenter des propositions',
    es: 'solo los delegados que hablan en nombre de una delegación, la presidencia y la Secretaría pueden presentar propuestas',
    ru: 'вносить предложения могут только делегаты, выступающие от имени делегации, председатель и секретариат',
    ar: 'لا يجوز تقديم الاقتراحات إلا للمندوبين المتكلمين باسم وفد والرئيس والأمانة',
    zh: '只有代表某一代表团发言的代表、主持人和秘书处可以提出提案',
  },
  "only the main sponsor's delegates, the chair and the secretariat decide on proposals": {
    fr: 'seuls les délégués de l’auteur principal, la présidence et le secrétariat se prononcent sur les propositions',
    es: 'solo los delegados del patrocinador principal, la presidencia y la Secretaría deciden sobre las propuestas',
    ru: 'решения по предложениям принимают только делегаты основного автора, председатель и секретариат',
    ar: 'لا يبت في الاقتراحات إلا مندوبو مقدم المشروع الرئيسي والرئيس والأمانة',
    zh: '只有主提案国的代表、主持人和秘书处可以就提案作出决定',
  },
  'only the delegation that tabled a proposal and the secretariat may withdraw it': {
    fr: 'seuls la délégation qui a présenté une proposition et le secrétariat peuvent la retirer',
    es: 'solo la delegación que presentó una propuesta y la Secretaría pueden retirarla',
    ru: 'снять предложение могут только внесшая его делегация и секретариат',
    ar: 'لا يجوز سحب الاقتراح إلا للوفد الذي قدّمه وللأمانة',
    zh: '只有提出提案的代表团和秘书处可以撤回提案',
  },
  'only the delegation that tabled a proposal and the secretariat may supersede it': {
    fr: 'seuls la délégation qui a présenté une proposition et le secrétariat peuvent la remplacer',
    es: 'solo la delegación que presentó una propuesta y la Secretaría pueden sustituirla',
    ru: 'заменить предложение могут только внесшая его делегация и секретариат',
    ar: 'لا يجوز الاستعاضة عن الاقتراح إلا للوفد الذي قدّمه وللأمانة',
    zh: '只有提出提案的代表团和秘书处可以取代提案',
  },
  "only the comment's author, the main sponsor's delegates, the chair and the secretariat may resolve a thread": {
    fr: 'seuls l’auteur du commentaire, les délégués de l’auteur principal, la présidence et le secrétariat peuvent clore un fil',
    es: 'solo el autor del comentario, los delegados del patrocinador principal, la presidencia y la Secretaría pueden cerrar un hilo',
    ru: 'закрыть обсуждение могут только автор комментария, делегаты основного автора, председатель и секретариат',
    ar: 'لا يجوز إغلاق سلسلة التعليقات إلا لصاحب التعليق ومندوبي مقدم المشروع الرئيسي والرئيس والأمانة',
    zh: '只有评论作者、主提案国的代表、主持人和秘书处可以结束评论串',
  },
  'only a delegate asks, for their own delegation, to co-sponsor a draft': {
    fr: 'seul un délégué demande, pour sa propre délégation, à se porter coauteur d’un projet',
    es: 'solo un delegado pide, para su propia delegación, copatrocinar un proyecto',
    ru: 'просить о присоединении к соавторам проекта может только делегат от имени своей делегации',
    ar: 'لا يطلب المشاركة في تقديم مشروع إلا مندوب باسم وفده',
    zh: '只有代表可以为本国代表团请求成为草案的共同提案国',
  },
  'your delegation already sponsors this draft': {
    fr: 'votre délégation est déjà auteur de ce projet',
    es: 'su delegación ya patrocina este proyecto',
    ru: 'ваша делегация уже является автором этого проекта',
    ar: 'وفدكم من مقدمي هذا المشروع بالفعل',
    zh: '贵代表团已是本草案的提案国',
  },
  'your delegation does not sponsor this draft': {
    fr: 'votre délégation n’est pas auteur de ce projet',
    es: 'su delegación no patrocina este proyecto',
    ru: 'ваша делегация не является автором этого проекта',
    ar: 'وفدكم ليس من مقدمي هذا المشروع',
    zh: '贵代表团不是本草案的提案国',
  },
  "only the main sponsor's delegates and the secretariat confirm co-sponsors": {
    fr: 'seuls les délégués de l’auteur principal et le secrétariat confirment les coauteurs',
    es: 'solo los delegados del patrocinador principal y la Secretaría confirman a los copatrocinadores',
    ru: 'соавторов подтверждают только делегаты основного автора и секретариат',
    ar: 'لا يؤكد المشاركين في تقديم المشروع إلا مندوبو مقدم المشروع الرئيسي والأمانة',
    zh: '只有主提案国的代表和秘书处确认共同提案国',
  },
  'only the secretariat sets the co-sponsorship deadline': {
    fr: 'seul le secrétariat fixe le délai pour se porter coauteur',
    es: 'solo la Secretaría fija el plazo para copatrocinar',
    ru: 'срок присоединения к соавторам устанавливает только секретариат',
    ar: 'الأمانة وحدها تحدد الموعد النهائي للمشاركة في تقديم المشروع',
    zh: '只有秘书处确定加入共同提案国的截止期限',
  },
  "only the secretariat records this in the draft's record": {
    fr: 'seul le secrétariat consigne ceci au dossier du projet',
    es: 'solo la Secretaría hace constar esto en el expediente del proyecto',
    ru: 'вносить это в материалы проекта может только секретариат',
    ar: 'الأمانة وحدها تسجل ذلك في سجل المشروع',
    zh: '只有秘书处将此记入草案的记录',
  },
  'action has been taken on the draft: its negotiation is over': {
    fr: 'une décision a été prise sur le projet : sa négociation est terminée',
    es: 'se ha adoptado una decisión sobre el proyecto: su negociación ha concluido',
    ru: 'по проекту принято решение: переговоры по нему завершены',
    ar: 'اتُّخذ إجراء بشأن المشروع: انتهى التفاوض عليه',
    zh: '已就草案采取行动：其谈判已结束',
  },
  'action has been taken on the draft: oral amendments are read out before it': {
    fr: 'une décision a été prise sur le projet : les amendements oraux sont présentés avant',
    es: 'se ha adoptado una decisión sobre el proyecto: las enmiendas orales se leen antes',
    ru: 'по проекту принято решение: устные поправки зачитываются до его принятия',
    ar: 'اتُّخذ إجراء بشأن المشروع: تُتلى التعديلات الشفوية قبل اتخاذ الإجراء',
    zh: '已就草案采取行动：口头修正须在采取行动之前宣读',
  },
  'no text of this draft has been issued: oral amendments are made to an issued text': {
    fr: 'aucun texte de ce projet n’a été publié : les amendements oraux portent sur un texte publié',
    es: 'no se ha publicado ningún texto de este proyecto: las enmiendas orales se hacen a un texto publicado',
    ru: 'ни один текст этого проекта не издан: устные поправки вносятся в изданный текст',
    ar: 'لم يصدر أي نص لهذا المشروع: التعديلات الشفوية تُدخل على نص صادر',
    zh: '本草案尚无印发的案文：口头修正针对的是印发的案文',
  },
  'only the secretariat administers sessions and accounts': {
    fr: 'seul le secrétariat administre les sessions et les comptes',
    es: 'solo la Secretaría administra los períodos de sesiones y las cuentas',
    ru: 'сессиями и учетными записями управляет только секретариат',
    ar: 'الأمانة وحدها تدير الدورات والحسابات',
    zh: '只有秘书处管理届会和账户',
  },
  'only the secretariat records the language versions of issued texts': {
    fr: 'seul le secrétariat enregistre les versions linguistiques des textes publiés',
    es: 'solo la Secretaría registra las versiones lingüísticas de los textos publicados',
    ru: 'тексты изданных документов на других языках регистрирует только секретариат',
    ar: 'الأمانة وحدها تسجل النسخ اللغوية للنصوص الصادرة',
    zh: '只有秘书处记录印发案文的各语文文本',
  },
  'the draft is frozen: its comments are closed': {
    fr: 'le projet est gelé : les commentaires sont clos',
    es: 'el proyecto está congelado: sus comentarios están cerrados',
    ru: 'проект заморожен: комментарии закрыты',
    ar: 'المشروع مجمّد: أُغلق باب التعليقات عليه',
    zh: '草案已冻结：评论已关闭',
  },
  'the draft is frozen: its text is final': {
    fr: 'le projet est gelé : son texte est définitif',
    es: 'el proyecto está congelado: su texto es definitivo',
    ru: 'проект заморожен: его текст окончательный',
    ar: 'المشروع مجمّد: نصه نهائي',
    zh: '草案已冻结：其案文为最后案文',
  },
  'the text is frozen: nobody can change it': {
    fr: 'le texte est gelé : personne ne peut plus le modifier',
    es: 'el texto está congelado: nadie puede modificarlo',
    ru: 'текст заморожен: изменить его никто не может',
    ar: 'النص مجمّد: لا يمكن لأحد تعديله',
    zh: '案文已冻结：任何人都不能更改',
  },
  'action has been taken on the draft: the text the body acted on is final, and the working text can no longer change': {
    fr: 'une décision a été prise sur le projet : le texte sur lequel l’organe s’est prononcé est définitif et le texte de travail ne peut plus changer',
    es: 'se ha adoptado una decisión sobre el proyecto: el texto sobre el que se pronunció el órgano es definitivo y el texto de trabajo ya no puede cambiar',
    ru: 'по проекту принято решение: текст, по которому принял решение орган, окончательный, и рабочий текст больше не может меняться',
    ar: 'اتُّخذ إجراء بشأن المشروع: النص الذي بتّت فيه الهيئة نهائي، ولم يعد من الممكن تغيير النص قيد العمل',
    zh: '已就草案采取行动：机构据以采取行动的案文为最后案文，工作文本不能再更改',
  },
};

/** A reason of the policy in `lang`; the English sentence when the table does not know it (or in English). */
export function policyReasonIn(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  return POLICY_REASONS[reason]?.[lang] ?? reason;
}

/** Whether `reason` is one of the policy's sentences this table words. */
export function isPolicyReason(reason: string): boolean {
  return Object.hasOwn(POLICY_REASONS, reason);
}
