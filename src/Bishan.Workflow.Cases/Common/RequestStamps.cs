namespace Bishan.Workflow.Cases.Common;

/// <summary>
/// The stored versions of the cases and tasks (<see cref="Model.DataStamp"/>) and of the organisation
/// (<see cref="Model.OrgTreeStamp"/>) as read at the start of a request, in the same statement as the caller's account (the
/// host's account check, issue 15): the use cases of that request take them instead of reading each again, so a list or a
/// dashboard costs the account read and its own statement, nothing more. One per scope (a request, or one use case of a
/// page); empty where no account was checked (jobs, start-up), and then everything reads the stored versions itself.
/// </summary>
/// <remarks>
/// Taking a version read at the start of the request is reading as of that moment: every write committed before the request
/// began is seen, on every node. A command may change either (cases, tasks, the organisation), so the first command of the
/// scope makes it forget both (<c>OrgTreeSyncBehavior</c>), and what runs after it in the same request reads them afresh.
/// Queries write nothing but audit entries, which neither version covers.
/// </remarks>
public sealed class RequestStamps
{
    private bool _forgotten;

    /// <summary>The <see cref="Model.DataStamp"/> version read with the account, while it may be taken.</summary>
    public long? DataVersion { get; private set; }

    /// <summary>The <see cref="Model.OrgTreeStamp"/> version read with the account, while it may be taken.</summary>
    public long? OrgTreeVersion { get; private set; }

    /// <summary>Keeps the versions read with the account (not once the scope has forgotten them).</summary>
    public void Offer(long? dataVersion, long? orgTreeVersion)
    {
        if (_forgotten) return;
        DataVersion = dataVersion;
        OrgTreeVersion = orgTreeVersion;
    }

    /// <summary>Drops both for the rest of the scope: a command runs, and may change what they stand for.</summary>
    public void Forget()
    {
        _forgotten = true;
        DataVersion = null;
        OrgTreeVersion = null;
    }
}
