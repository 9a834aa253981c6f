using System.Linq.Expressions;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Access;

/// <summary>
/// Which cases a user may see and work on: the one rule every list, read, change and export goes through.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Administrators, leaders, the task-force secretary and inspectors (区督查办) see everything, as does anyone placed at
/// the task force, the leading group, its office or the supervision office.</item>
/// <item>A town or street (镇街) sees the cases of the communities and villages under it.</item>
/// <item>Otherwise the user's org unit decides: a school or community sees its own cases, an area (its
/// education-management centre) every case of its schools and communities, a department the cases of its actions
/// (<see cref="OrgUnit.Actions"/>) across the district. A department without actions (区公安局) sees none by unit.</item>
/// <item>Everyone also sees the cases they are the responsible caseworker of, wherever those are.</item>
/// </list>
/// The role decides what one may do (Leaders only read), the unit how far one sees: a caseworker placed at an area
/// centre sees the area like its supervisor does.
/// </remarks>
public sealed class CaseScope
{
    private CaseScope(string? userId, bool seesAll, string? orgUnitId, string? areaId, IReadOnlyList<FiveAction> actions,
        IReadOnlyList<string>? townUnitIds = null)
    {
        TownUnitIds = townUnitIds ?? [];
        UserId = userId;
        SeesAll = seesAll;
        OrgUnitId = orgUnitId;
        AreaId = areaId;
        Actions = actions;
        Predicate = BuildPredicate();
    }

    public string? UserId { get; }

    /// <summary>No restriction at all.</summary>
    public bool SeesAll { get; }

    /// <summary>For a school or community user: their unit.</summary>
    public string? OrgUnitId { get; }

    /// <summary>For an area user: the area.</summary>
    public string? AreaId { get; }

    /// <summary>For a department user: the actions it leads or carries out.</summary>
    public IReadOnlyList<FiveAction> Actions { get; }

    /// <summary>For a town/street (镇街) user: the communities and villages under the town, whose cases it sees.</summary>
    public IReadOnlyList<string> TownUnitIds { get; }

    /// <summary>The rule as an expression EF Core translates, so lists are filtered in the database.</summary>
    public Expression<Func<Case, bool>> Predicate { get; }

    /// <summary>The roles that see every case regardless of their unit.</summary>
    public static IReadOnlyList<string> DistrictWideRoles { get; } = [Roles.Administrator, Roles.Leader, Roles.Secretary, Roles.Inspector];

    public static CaseScope For(ICurrentUser user, OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(tree);
        if (DistrictWideRoles.Any(user.IsInRole)) return new(user.UserId, seesAll: true, null, null, []);

        var unit = user.OrgUnitId is { } id ? tree.Find(id) : null;
        return unit?.Kind switch
        {
            OrgUnitKind.District or OrgUnitKind.TaskForce or OrgUnitKind.SupervisionOffice or OrgUnitKind.LeadingGroupOffice
                => new(user.UserId, seesAll: true, null, null, []),
            OrgUnitKind.TownStreet => new(user.UserId, false, null, null, [],
                [.. tree.Units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community && tree.IsUnder(unit.Id, u.Id)).Select(u => u.Id)]),
            OrgUnitKind.Department => new(user.UserId, false, null, null, unit.Actions),
            OrgUnitKind.Area => new(user.UserId, false, null, unit.Id, []),
            OrgUnitKind.School or OrgUnitKind.Community => new(user.UserId, false, unit.Id, null, []),
            _ => new(user.UserId, false, null, null, []),
        };
    }

    public IQueryable<Case> Apply(IQueryable<Case> cases) => SeesAll ? cases : cases.Where(Predicate);

    /// <summary>
    /// The rule as a text that two users share exactly when their scopes are the same (everyone who sees all shares one),
    /// to key answers kept per scope.
    /// </summary>
    public string Key => SeesAll
        ? "all"
        : string.Join('|', UserId, OrgUnitId, AreaId, string.Join(',', TownUnitIds), string.Join(',', Actions));

    /// <summary>
    /// The rule split into parts that a database answers each from one index in creation order: one per unit, area or
    /// action the scope covers (disjoint among themselves), and the user's own cases as caseworker (which may overlap them);
    /// everything in one part for a scope that sees all. Their union is the scope.
    /// </summary>
    public IReadOnlyList<Expression<Func<Case, bool>>> Parts()
    {
        if (SeesAll) return [_ => true];
        var c = Expression.Parameter(typeof(Case), "c");
        var parts = UnitTerms(c).Select(term => Expression.Lambda<Func<Case, bool>>(term, c)).ToList();
        if (UserId is not null) parts.Add(Expression.Lambda<Func<Case, bool>>(Equal(c, nameof(Case.CaseworkerUserId), UserId, typeof(string)), c));
        return parts;
    }

    /// <summary>
    /// The same parts made disjoint, to count: the units' parts as they are, and the caseworker's own cases outside all of
    /// them. The counts of these add up to the number of cases in scope.
    /// </summary>
    public IReadOnlyList<Expression<Func<Case, bool>>> DisjointParts()
    {
        if (SeesAll) return Parts();
        var c = Expression.Parameter(typeof(Case), "c");
        var terms = UnitTerms(c);
        var parts = terms.Select(term => Expression.Lambda<Func<Case, bool>>(term, c)).ToList();
        if (UserId is null) return parts;
        Expression mine = Equal(c, nameof(Case.CaseworkerUserId), UserId, typeof(string));
        // The caseworker's cases that no unit part holds. EF Core keeps C#'s null semantics in the negation: a case without
        // a primary action is outside every action's part.
        if (terms.Count > 0) mine = Expression.AndAlso(mine, Expression.Not(terms.Aggregate(Expression.OrElse)));
        parts.Add(Expression.Lambda<Func<Case, bool>>(mine, c));
        return parts;
    }

    /// <summary>The scope's terms other than the caseworker's own: at most one kind per scope, disjoint values.</summary>
    private List<Expression> UnitTerms(ParameterExpression c)
    {
        var terms = new List<Expression>();
        if (OrgUnitId is not null) terms.Add(Equal(c, nameof(Case.OrgUnitId), OrgUnitId, typeof(string)));
        if (AreaId is not null) terms.Add(Equal(c, nameof(Case.AreaId), AreaId, typeof(string)));
        foreach (var unitId in TownUnitIds) terms.Add(Equal(c, nameof(Case.OrgUnitId), unitId, typeof(string)));
        foreach (var action in Actions) terms.Add(Equal(c, nameof(Case.PrimaryAction), action, typeof(FiveAction?)));
        return terms;
    }

    /// <summary>
    /// The same rule as <see cref="Predicate"/>, evaluated in memory. Written out rather than compiled from the expression:
    /// a scope is built per request, and compiling a delegate each time (and finalising it later) was the largest CPU cost
    /// of a task completion.
    /// </summary>
    public bool Covers(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (SeesAll) return true;
        if (UserId is not null && string.Equals(@case.CaseworkerUserId, UserId, StringComparison.Ordinal)) return true;
        if (OrgUnitId is not null && string.Equals(@case.OrgUnitId, OrgUnitId, StringComparison.Ordinal)) return true;
        if (AreaId is not null && string.Equals(@case.AreaId, AreaId, StringComparison.Ordinal)) return true;
        foreach (var unitId in TownUnitIds)
            if (string.Equals(@case.OrgUnitId, unitId, StringComparison.Ordinal)) return true;
        foreach (var action in Actions)
            if (@case.PrimaryAction == action) return true;
        return false;
    }

    /// <summary>Whether a case of this school or community would be in scope (a referral creates one there).</summary>
    public bool CoversOrgUnit(string orgUnitId, OrgTree tree) =>
        SeesAll
        || string.Equals(OrgUnitId, orgUnitId, StringComparison.Ordinal)
        || (AreaId is not null && string.Equals(tree.AreaOf(orgUnitId), AreaId, StringComparison.Ordinal))
        || TownUnitIds.Contains(orgUnitId, StringComparer.Ordinal);

    /// <exception cref="ForbiddenException">The case is out of scope.</exception>
    public void EnsureCovers(Case @case)
    {
        if (!Covers(@case)) throw new ForbiddenException(UseCaseStrings.Format("Case_Forbidden", @case.FileNumber));
    }

    private Expression<Func<Case, bool>> BuildPredicate()
    {
        if (SeesAll) return _ => true;
        var c = Expression.Parameter(typeof(Case), "c");
        Expression body = Expression.Constant(false);
        if (UserId is not null)
            body = Expression.OrElse(body, Equal(c, nameof(Case.CaseworkerUserId), UserId, typeof(string)));
        if (OrgUnitId is not null)
            body = Expression.OrElse(body, Equal(c, nameof(Case.OrgUnitId), OrgUnitId, typeof(string)));
        if (AreaId is not null)
            body = Expression.OrElse(body, Equal(c, nameof(Case.AreaId), AreaId, typeof(string)));
        foreach (var unitId in TownUnitIds)
            body = Expression.OrElse(body, Equal(c, nameof(Case.OrgUnitId), unitId, typeof(string)));
        // One equality per action rather than a Contains over a list: enums are stored as strings and equality
        // with a constant translates on every provider.
        foreach (var action in Actions)
            body = Expression.OrElse(body, Equal(c, nameof(Case.PrimaryAction), action, typeof(FiveAction?)));
        return Expression.Lambda<Func<Case, bool>>(body, c);
    }

    private static BinaryExpression Equal(ParameterExpression c, string property, object value, Type type) =>
        Expression.Equal(Expression.Property(c, property), Expression.Constant(value, type));
}
