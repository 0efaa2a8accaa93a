namespace ExercisePlanner.Documents.Texts;

/// <summary>One article of the memorandum in one language; placeholders are filled from the proposal.</summary>
public sealed record Article(string Title, string Body);

/// <summary>
/// The memorandum's standard wording in English, French and Arabic. Placeholders: {name}, {code},
/// {host}, {lead} ({Host}, {Lead} at the start of a sentence), {nations}, {start}, {end}, {location}, {shares}, {classification}, {releasable}.
/// </summary>
public static class MemorandumTexts
{
    public static readonly IReadOnlyDictionary<string, (string Title, string Between, string Preamble, string ForGovernment, string Signature, string Date, string AllParticipants, IReadOnlyList<Article> Articles)> Languages =
        new Dictionary<string, (string, string, string, string, string, string, string, IReadOnlyList<Article>)>
        {
            ["en"] = ("Memorandum of Understanding", "between", 
                "The Participants, recognising the value of combined training for their armed forces and wishing to set out their arrangements for exercise {name} ({code}), have reached the following understanding.",
                "For", "Signature", "Date", "all Participants",
            [
                new("Purpose", "This Memorandum sets out the arrangements under which the Participants will plan, conduct and evaluate exercise {name}."),
                new("Scope", "The exercise will take place at {location} from {start} to {end} and covers the training objectives annexed to the exercise plan."),
                new("Responsibilities of the host nation", "{Host} will provide the exercise facilities, host-nation support, security of the exercise area and liaison with civil authorities."),
                new("Responsibilities of the lead nation", "{Lead} will direct the planning process, chair the planning conferences and appoint the exercise director."),
                new("Financial arrangements", "Common costs will be shared as follows: {shares}. Each Participant bears the costs of its own personnel and equipment."),
                new("Status of forces", "The status of visiting personnel is governed by the agreements in force between the Participants and, in their absence, by the law of the host nation."),
                new("Security and releasability", "Information exchanged under this Memorandum is classified {classification} and releasable to {releasable} only; it will be protected accordingly."),
                new("Claims", "Each Participant waives claims against the others for damage to its property or injury to its personnel arising from the exercise, except in cases of gross negligence or wilful misconduct."),
                new("Entry into force", "This Memorandum comes into effect on the date of the last signature."),
                new("Duration", "This Memorandum remains in effect until the completion of the exercise and the settlement of all outstanding claims and costs."),
                new("Amendment", "This Memorandum may be amended at any time by the written consent of all Participants."),
                new("Termination", "A Participant may withdraw from this Memorandum with ninety days' written notice to the other Participants."),
            ]),
            ["fr"] = ("Mémorandum d'entente", "entre",
                "Les Participants, reconnaissant la valeur de l'entraînement combiné de leurs forces armées et souhaitant fixer leurs arrangements pour l'exercice {name} ({code}), sont parvenus à l'entente suivante.",
                "Pour", "Signature", "Date", "tous les Participants",
            [
                new("Objet", "Le présent Mémorandum fixe les modalités selon lesquelles les Participants planifient, conduisent et évaluent l'exercice {name}."),
                new("Champ d'application", "L'exercice se déroule à {location} du {start} au {end} et couvre les objectifs d'entraînement annexés au plan d'exercice."),
                new("Responsabilités de la nation hôte", "{Host} fournit les installations, le soutien de la nation hôte, la sécurité de la zone d'exercice et la liaison avec les autorités civiles."),
                new("Responsabilités de la nation cadre", "{Lead} dirige la planification, préside les conférences de planification et désigne le directeur de l'exercice."),
                new("Dispositions financières", "Les coûts communs sont répartis comme suit : {shares}. Chaque Participant supporte les coûts de son propre personnel et de son matériel."),
                new("Statut des forces", "Le statut du personnel en visite est régi par les accords en vigueur entre les Participants et, à défaut, par le droit de la nation hôte."),
                new("Sécurité et diffusion", "Les informations échangées au titre du présent Mémorandum sont classifiées {classification} et diffusables uniquement à {releasable} ; elles sont protégées en conséquence."),
                new("Réclamations", "Chaque Participant renonce à toute réclamation contre les autres pour les dommages à ses biens ou à son personnel résultant de l'exercice, sauf faute lourde ou intentionnelle."),
                new("Entrée en vigueur", "Le présent Mémorandum prend effet à la date de la dernière signature."),
                new("Durée", "Le présent Mémorandum reste en vigueur jusqu'à la fin de l'exercice et au règlement de toutes les réclamations et de tous les coûts."),
                new("Amendement", "Le présent Mémorandum peut être amendé à tout moment avec le consentement écrit de tous les Participants."),
                new("Dénonciation", "Un Participant peut se retirer du présent Mémorandum moyennant un préavis écrit de quatre-vingt-dix jours."),
            ]),
            ["ar"] = ("مذكرة تفاهم", "بين",
                "إن المشاركين، إدراكا منهم لقيمة التدريب المشترك لقواتهم المسلحة ورغبة منهم في تحديد ترتيباتهم للتمرين {name} ({code})، قد توصلوا إلى التفاهم التالي.",
                "عن", "التوقيع", "التاريخ", "جميع المشاركين",
            [
                new("الغرض", "تحدد هذه المذكرة الترتيبات التي يخطط المشاركون بموجبها للتمرين {name} وينفذونه ويقيمونه."),
                new("النطاق", "يجري التمرين في {location} من {start} إلى {end} ويشمل أهداف التدريب الملحقة بخطة التمرين."),
                new("مسؤوليات الدولة المضيفة", "توفر {host} مرافق التمرين ودعم الدولة المضيفة وأمن منطقة التمرين والتنسيق مع السلطات المدنية."),
                new("مسؤوليات الدولة القائدة", "تتولى {lead} إدارة عملية التخطيط ورئاسة مؤتمرات التخطيط وتعيين مدير التمرين."),
                new("الترتيبات المالية", "تقسم التكاليف المشتركة على النحو التالي: {shares}. ويتحمل كل مشارك تكاليف أفراده ومعداته."),
                new("وضع القوات", "يخضع وضع الأفراد الزائرين للاتفاقيات النافذة بين المشاركين، وفي حال عدم وجودها لقانون الدولة المضيفة."),
                new("الأمن وإمكانية الإفصاح", "تصنف المعلومات المتبادلة بموجب هذه المذكرة {classification} ولا يجوز الإفصاح عنها إلا إلى {releasable}، وتحمى وفقا لذلك."),
                new("المطالبات", "يتنازل كل مشارك عن مطالباته تجاه الآخرين عن الأضرار التي تلحق بممتلكاته أو أفراده نتيجة التمرين، إلا في حالات الإهمال الجسيم أو سوء السلوك المتعمد."),
                new("بدء النفاذ", "تدخل هذه المذكرة حيز النفاذ في تاريخ آخر توقيع."),
                new("المدة", "تظل هذه المذكرة سارية حتى انتهاء التمرين وتسوية جميع المطالبات والتكاليف."),
                new("التعديل", "يجوز تعديل هذه المذكرة في أي وقت بموافقة خطية من جميع المشاركين."),
                new("الإنهاء", "يجوز لأي مشارك الانسحاب من هذه المذكرة بإشعار خطي مدته تسعون يوما إلى المشاركين الآخرين."),
            ]),
        };

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, pair) => text.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
}
