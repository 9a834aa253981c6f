namespace Bishan.Workflow.Cases.Common;

/// <summary>
/// The caller may not read or change this (API: 403). Out-of-scope reads answer 403 rather than an empty answer or
/// 404, because a caseworker who follows a link to another school's case should learn that access is refused, not
/// that the case vanished.
/// </summary>
public sealed class ForbiddenException(string message) : Exception(message);
