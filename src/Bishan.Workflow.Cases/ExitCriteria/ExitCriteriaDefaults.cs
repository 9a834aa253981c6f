using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.ExitCriteria;

/// <summary>
/// Default exit checklists per action. The real 《五项行动出入库评估细则》 is not published, so these are plausible
/// items written from the source's description of each action; the district replaces them through configuration.
/// </summary>
public static class ExitCriteriaDefaults
{
    /// <summary>The default checklist of every action.</summary>
    public static IReadOnlyDictionary<FiveAction, IReadOnlyList<ExitCriterion>> All { get; } =
        new Dictionary<FiveAction, IReadOnlyList<ExitCriterion>>
        {
            [FiveAction.DropoutPrevention] =
            [
                new("dp-full-term", "连续在校就读满一学期、无辍学倾向", "Has attended school continuously for a full term with no sign of dropping out"),
                new("dp-attendance", "本学期出勤率不低于95%,无连续旷课", "Attendance this term is at least 95%, with no run of unexcused absences"),
                new("dp-learning", "学习态度端正,能跟上班级学习进度或已落实个别化学业帮扶", "Engages with learning and keeps up with the class, or has individual learning support in place"),
                new("dp-guardian", "监护人切实履行送学、督学责任", "The guardian reliably makes sure the child attends school"),
            ],
            [FiveAction.SpecialEducation] =
            [
                new("se-programme", "完成专门学校矫治教育课程并经学校评估合格", "Has completed the special school's correctional programme and passed its assessment"),
                new("se-behaviour", "连续六个月无严重不良行为", "No serious misbehaviour for six consecutive months"),
                new("se-return", "已平稳回归普通学校或转入职业教育", "Has returned smoothly to a mainstream school or moved on to vocational education"),
                new("se-family", "家庭监护到位,家长掌握基本的家庭教育方法", "Supervision at home is in place and the parents have learnt basic parenting methods"),
            ],
            [FiveAction.CaseInvolved] =
            [
                new("ci-no-reoffence", "帮教期内未再发生违法犯罪行为", "No further offence during the help period"),
                new("ci-conditions", "按要求履行司法机关附带的各项帮教条件(如有)", "Has met the conditions set by the judicial authorities, where there are any", Required: false),
                new("ci-peers", "已脱离不良交友圈,无夜不归宿、沉迷网络等高风险行为", "Has left harmful peer groups, with no high-risk behaviour such as staying out overnight or internet addiction"),
                new("ci-school-or-work", "正常在校就读或参加职业培训、就业", "Is in school, in vocational training or in work"),
                new("ci-guardian", "监护人能够有效履行监护职责", "The guardian exercises guardianship effectively"),
            ],
            [FiveAction.Unsupervised] =
            [
                new("un-guardian", "已落实有效监护人并实际履行监护职责", "An effective guardian is in place and actually exercising guardianship"),
                new("un-living", "基本生活和就学得到保障", "Basic living needs and schooling are secured"),
                new("un-contact", "父母或受委托监护人与学校、社区(村)保持定期联系", "The parents or the entrusted guardian keep in regular contact with the school and the community or village"),
                new("un-no-absence", "连续三个月无离家出走、夜不归宿等失管情形", "No running away, nights away from home or other loss of supervision for three consecutive months"),
            ],
            [FiveAction.MentalHealth] =
            [
                new("mh-assessment", "经专业心理评估,心理状况恢复正常或保持稳定", "A professional assessment finds the mental state recovered or stable"),
                new("mh-no-crisis", "连续三个月无自伤、自杀意念或行为", "No self-harm and no suicidal thoughts or behaviour for three consecutive months"),
                new("mh-daily-life", "能正常学习生活,人际关系良好", "Studies and lives normally, with sound relationships"),
                new("mh-treatment", "需药物治疗的遵医嘱规律服药,病情稳定", "Where medication is prescribed, takes it as directed and the condition is stable", Required: false),
                new("mh-family", "家长掌握心理危机识别与应对的基本方法", "The parents know the basics of recognising and responding to a mental-health crisis"),
            ],
        };
}
