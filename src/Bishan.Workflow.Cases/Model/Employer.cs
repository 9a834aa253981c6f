namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// An enterprise in Bishan (在璧企业) on the register the civil-affairs department keeps for the parents-return-home
/// guardianship consultation: who to call and which jobs it can offer a parent who comes home.
/// </summary>
public sealed class Employer
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Industry { get; set; } = "";
    public string ContactPerson { get; set; } = "";

    /// <summary>A mainland number, digits only; lists show it masked.</summary>
    public string ContactPhone { get; set; } = "";

    /// <summary>Whether the enterprise has signed the co-operation agreement (签订合作协议), and on which day.</summary>
    public bool CooperationSigned { get; set; }
    public DateOnly? SignedOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
