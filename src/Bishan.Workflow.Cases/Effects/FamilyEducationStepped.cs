namespace Bishan.Workflow.Cases.Effects;

/// <summary>A family-education referral moved on: <c>Accepted</c>, <c>Declined</c>, <c>EvaluationDue</c> or <c>Evaluated</c> (with a result).</summary>
public sealed record FamilyEducationStepped(string ReferralId, string Step, string? Note, string? Result, DateTime AtUtc);
