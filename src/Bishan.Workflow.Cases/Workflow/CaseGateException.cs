namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The domain refuses an effect a workflow asked for: a case cannot register, change tier or exit without an approved
/// approval, whatever the workflow says. The host turns this into a faulted instance with an incident; nothing of the
/// pass is written.
/// </summary>
public sealed class CaseGateException(string code, string message) : InvalidOperationException(message)
{
    /// <summary>A stable code such as <c>RegistrationNotApproved</c>, for the incident and for tests.</summary>
    public string Code { get; } = code;

    public const string RegistrationNotApproved = nameof(RegistrationNotApproved);
    public const string TierChangeNotApproved = nameof(TierChangeNotApproved);
    public const string ExitNotApproved = nameof(ExitNotApproved);
    public const string StatusNotAllowed = nameof(StatusNotAllowed);
    public const string CaseNotFound = nameof(CaseNotFound);
    public const string InvalidValue = nameof(InvalidValue);
    public const string SubsidyNotApproved = nameof(SubsidyNotApproved);
    public const string SubsidyNotFound = nameof(SubsidyNotFound);
    public const string BudgetExceeded = nameof(BudgetExceeded);
    public const string SubsidyAmountInvalid = nameof(SubsidyAmountInvalid);
    public const string ReportNotFound = nameof(ReportNotFound);
    public const string ReportNotApproved = nameof(ReportNotApproved);
    public const string ReportAlreadySigned = nameof(ReportAlreadySigned);
}
