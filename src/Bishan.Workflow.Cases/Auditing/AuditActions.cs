namespace Bishan.Workflow.Cases.Auditing;

/// <summary>Values of <see cref="Model.AuditEntry.Action"/> the use cases write, so filters and tests spell them the same way.</summary>
public static class AuditActions
{
    public const string ReferralCreate = "referral.create";
    public const string CaseRead = "case.read";
    public const string IdNumberReveal = "case.id-number.reveal";
    public const string EscalationRequest = "case.escalation.request";
    public const string ExitEvaluationRequest = "case.exit-evaluation.request";
    public const string HelpRecordAdd = "case.help-record.add";
    public const string TaskRead = "task.read";
    public const string TaskClaim = "task.claim";
    public const string TaskUnclaim = "task.unclaim";
    public const string TaskReassign = "task.reassign";
    public const string TaskComment = "task.comment";
    public const string TaskComplete = "task.complete";
    public const string RegisterExport = "register.export";
    public const string AuditRead = "audit.read";
    public const string HelperRead = "helper.read";
    public const string HelperCreate = "helper.create";
    public const string OrgUnitCreate = "orgunit.create";
    public const string OrgUnitRename = "orgunit.rename";
    public const string OrgUnitMove = "orgunit.move";
    public const string OrgUnitRetire = "orgunit.retire";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserDisable = "user.disable";
    public const string UserEnable = "user.enable";
    public const string UserResetPassword = "user.reset-password";
    public const string SupervisionIssue = "supervision.issue";
    public const string SupervisionAnswer = "supervision.answer";
    public const string SupervisionReview = "supervision.review";
    public const string HelperUpdate = "helper.update";
    public const string CriteriaPublish = "criteria.publish";
    public const string TeamAssign = "case.helper.assign";
    public const string TeamRelease = "case.helper.release";
    public const string BudgetLineCreate = "funding.budget-line.create";
    public const string ExpenditureCreate = "funding.expenditure.create";
    public const string SubsidyRequest = "case.subsidy.request";
    public const string SubsidyPay = "subsidy.pay";
    public const string WorkflowRefused = "workflow.refused";
    public const string MeetingRead = "meeting.read";
    public const string MeetingReportDownload = "meeting.report.download";
    public const string RetentionRun = "retention.run";
    public const string BackupCreate = "backup.create";
    public const string PlanRevise = "case.plan.revise";
    public const string PlanReview = "case.plan.review";
    public const string MeetingSchedule = "meeting.schedule";
    public const string MeetingAgendaAdd = "meeting.agenda.add";
    public const string MeetingRecord = "meeting.record";
    public const string WeeklyStart = "meeting.weekly.start";
    public const string IncidentCreate = "incident.create";

    /// <summary>A read of an incident that names a case, audited on the case like a case-file read.</summary>
    public const string IncidentRead = "incident.read";

    /// <summary>A read of a case's family (guardians, household), phones masked.</summary>
    public const string FamilyRead = "case.family.read";

    /// <summary>A change to a case's family: a member added, changed or removed, the situation or support set.</summary>
    public const string FamilyChange = "case.family.change";
    public const string FamilyPhoneReveal = "case.family.phone.reveal";
    public const string ReportDraft = "report.draft";
    public const string ReportEdit = "report.edit";
    public const string ReportSubmit = "report.submit";
    public const string ReportSignOff = "report.sign-off";
    public const string ReportRead = "report.read";
    public const string ReportDownload = "report.download";

    /// <summary>An employer of the register (在璧企业) added or changed, jobs included.</summary>
    public const string GuardianshipEmployerChange = "guardianship.employer.change";

    /// <summary>A step of a guardianship consultation: proposed, arranged, recorded, reviewed.</summary>
    public const string GuardianshipConsultationChange = "case.guardianship.change";

    /// <summary>A read of a guardianship consultation, which names the minor and the parent.</summary>
    public const string GuardianshipConsultationRead = "case.guardianship.read";
    public const string FamilyEducationRefer = "family-education.refer";
    public const string FamilyEducationRead = "family-education.read";
    public const string FamilyEducationDecide = "family-education.decide";
    public const string FamilyEducationPlan = "family-education.plan";
    public const string FamilyEducationSession = "family-education.session";
    public const string FamilyEducationEvaluate = "family-education.evaluate";
    public const string FamilyEducationPhoneReveal = "family-education.phone.reveal";
    public const string FamilyEducationClassSchedule = "family-education.class.schedule";
    public const string FamilyEducationClassInvite = "family-education.class.invite";
    public const string FamilyEducationClassAttendance = "family-education.class.attendance";
    public const string FamilyEducationClassCancel = "family-education.class.cancel";
    public const string FamilyEducationClassReschedule = "family-education.class.reschedule";

    /// <summary>A read of a parent class, which names the invited minors' parents: one entry per invited case.</summary>
    public const string FamilyEducationClassRead = "family-education.class.read";
}
