using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.ChangeEmployer;

/// <summary>
/// Changes an employer as a whole (the form sends every field and job). A phone left out (null) keeps the stored one, since
/// the form shows it masked. Audited with what changed.
/// </summary>
public sealed record ChangeEmployer(long EmployerId, EmployerInput? Employer) : ICommand<EmployerView>;

public sealed class ChangeEmployerHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<ChangeEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(ChangeEmployer command, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayKeep(user);
        var employer = await db.Employers.FirstOrDefaultAsync(e => e.Id == command.EmployerId, cancellationToken)
            ?? throw new NotFoundException(UseCaseStrings.Format("Guardianship_EmployerNotFound", command.EmployerId));
        var input = command.Employer;
        if (input is not null && input.ContactPhone is null) input = input with { ContactPhone = employer.ContactPhone };
        var valid = EmployerChecks.Validate(input, DistrictCalendar.Today(time));
        if (await db.Employers.AnyAsync(e => e.Name == valid.Name && e.Id != employer.Id, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_EmployerExists", valid.Name));

        var before = $"{employer.Name}|{employer.Industry}|{employer.ContactPerson}|{employer.CooperationSigned}|{employer.SignedOn}";
        employer.Name = valid.Name;
        employer.Industry = valid.Industry;
        employer.ContactPerson = valid.ContactPerson;
        var phoneChanged = !string.Equals(employer.ContactPhone, valid.ContactPhone, StringComparison.Ordinal);
        employer.ContactPhone = valid.ContactPhone;
        employer.CooperationSigned = valid.CooperationSigned;
        employer.SignedOn = valid.SignedOn;
        employer.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        var existing = await db.EmployerJobs.Where(j => j.EmployerId == employer.Id).ToListAsync(cancellationToken);
        var jobs = EmployerJobs.Apply(db, employer.Id, valid.Jobs, existing);
        var after = $"{employer.Name}|{employer.Industry}|{employer.ContactPerson}|{employer.CooperationSigned}|{employer.SignedOn}";
        AuditLog.Add(db, user, time, AuditActions.GuardianshipEmployerChange, nameof(Employer), employer.Id.ToString(CultureInfo.InvariantCulture),
            $"{before} -> {after}{(phoneChanged ? ", phone changed" : "")}, {jobs.Count.ToString(CultureInfo.InvariantCulture)} jobs");
        await db.SaveChangesAsync(cancellationToken);
        return await EmployerView.LoadAsync(db, employer.Id, true, cancellationToken);
    }
}
