using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship.CreateEmployer;

/// <summary>Adds an enterprise to the register (在璧企业) with the jobs it can offer: administrators and 区民政局; 409 a name already on it.</summary>
public sealed record CreateEmployer(EmployerInput? Employer) : ICommand<EmployerView>;

public sealed class CreateEmployerHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CreateEmployer, EmployerView>
{
    public async ValueTask<EmployerView> Handle(CreateEmployer command, CancellationToken cancellationToken)
    {
        GuardianshipAccess.EnsureMayKeep(user);
        var valid = EmployerChecks.Validate(command.Employer, DistrictCalendar.Today(time));
        if (await db.Employers.AnyAsync(e => e.Name == valid.Name, cancellationToken))
            throw new ConflictException(UseCaseStrings.Format("Guardianship_EmployerExists", valid.Name));
        var now = time.GetUtcNow().UtcDateTime;
        var employer = new Employer
        {
            Name = valid.Name, Industry = valid.Industry, ContactPerson = valid.ContactPerson, ContactPhone = valid.ContactPhone,
            CooperationSigned = valid.CooperationSigned, SignedOn = valid.SignedOn, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Employers.Add(employer);
        await db.SaveChangesAsync(cancellationToken);
        var jobs = EmployerJobs.Apply(db, employer.Id, valid.Jobs.Select(j => j with { Id = null }).ToList(), []);
        AuditLog.Add(db, user, time, AuditActions.GuardianshipEmployerChange, nameof(Employer), employer.Id.ToString(CultureInfo.InvariantCulture),
            $"created {employer.Name}, {jobs.Count.ToString(CultureInfo.InvariantCulture)} jobs");
        await db.SaveChangesAsync(cancellationToken);
        return await EmployerView.LoadAsync(db, employer.Id, true, cancellationToken);
    }
}
