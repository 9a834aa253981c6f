using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>
/// Default entry criteria (入库标准) per action, stored as version 1 on first use. The district's
/// 《五项行动出入库评估细则》 is not published; these items follow the source's description of who each action serves
/// (dropping out, serious misbehaviour, involvement in legal cases, lack of supervision, abnormal mental health).
/// Administrators replace them by publishing a new version.
/// </summary>
public static class EntryCriteriaDefaults
{
    /// <summary>The default entry criteria of every action.</summary>
    public static IReadOnlyDictionary<FiveAction, IReadOnlyList<CriterionItem>> All { get; } =
        new Dictionary<FiveAction, IReadOnlyList<CriterionItem>>
        {
            [FiveAction.DropoutPrevention] =
            [
                new("dp-school-age", "属义务教育阶段适龄儿童少年", "Is a child of compulsory-education age"),
                new("dp-absence", "已辍学，或连续旷课3天以上、累计旷课较多，存在辍学风险", "Has dropped out, or has missed school for 3 days in a row or often, and is at risk of dropping out"),
                new("dp-verified", "经学校与村（社区）入户核实", "Verified at home by the school and the village or community"),
            ],
            [FiveAction.SpecialEducation] =
            [
                new("se-behaviour", "有严重不良行为（如多次打架斗殴、携带管制刀具、多次偷窃），经教育仍不改正", "Shows serious misbehaviour (repeated fighting, carrying controlled knives, repeated theft) that persists despite education"),
                new("se-assessment", "经专门教育指导委员会评估，需要接受专门教育", "The special-education guidance committee has assessed that special education is needed"),
                new("se-guardian", "已告知监护人并听取其意见", "The guardian has been informed and heard"),
            ],
            [FiveAction.CaseInvolved] =
            [
                new("ci-involved", "涉及违法犯罪案件（违法犯罪嫌疑人、被不起诉或被判处非监禁刑等）", "Is involved in an offence (as a suspect, not prosecuted, or with a non-custodial sentence)"),
                new("ci-referral", "有公安、检察、审判机关或司法所的移送或通报", "Referred or notified by the police, the procuratorate, a court or a justice office"),
                new("ci-risk", "存在再犯风险因素（不良交友、辍学、监护缺失等）", "Shows risk factors for reoffending (harmful peers, dropping out, lack of guardianship)", Required: false),
            ],
            [FiveAction.Unsupervised] =
            [
                new("un-no-guardian", "父母外出务工、服刑、重病或下落不明等，缺乏有效监护", "The parents work away, are in prison, seriously ill or missing, so the child lacks effective guardianship"),
                new("un-signs", "存在夜不归宿、流浪、生活无着等失管情形", "Stays out overnight, wanders or lacks basic living support"),
                new("un-verified", "经村（社区）儿童主任入户核实", "Verified at home by the village or community children's director"),
            ],
            [FiveAction.MentalHealth] =
            [
                new("mh-screening", "心理筛查或学校心理教师评估显示异常", "Psychological screening or the school counsellor's assessment shows a problem"),
                new("mh-signs", "有自伤、轻生意念或行为，或情绪行为明显异常", "Shows self-harm, suicidal thoughts or behaviour, or clearly abnormal emotions or behaviour"),
                new("mh-diagnosis", "医疗机构已诊断或建议转介（如有）", "A medical institution has diagnosed or referred the child, where there is one", Required: false),
            ],
        };
}
