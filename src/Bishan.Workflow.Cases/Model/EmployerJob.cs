namespace Bishan.Workflow.Cases.Model;

/// <summary>A job an employer on the register can offer: how many places, how many were taken through consultations.</summary>
public sealed class EmployerJob
{
    public long Id { get; set; }
    public long EmployerId { get; set; }
    public string Title { get; set; } = "";

    /// <summary>How many people the employer takes on this job.</summary>
    public int Openings { get; set; }

    /// <summary>Places taken by parents who came home through a consultation.</summary>
    public int Filled { get; set; }

    /// <summary>Whether the employer still offers it (a closed job keeps its placements for the figures).</summary>
    public bool Open { get; set; } = true;

    /// <summary>Open and not full: a consultation may still place a parent in it.</summary>
    public bool HasPlace => Open && Filled < Openings;
}
