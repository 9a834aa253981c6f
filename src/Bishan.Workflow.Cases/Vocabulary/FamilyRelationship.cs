namespace Bishan.Workflow.Cases.Vocabulary;

/// <summary>How a guardian or household member is related to the minor (与未成年人关系).</summary>
public enum FamilyRelationship
{
    /// <summary>父亲.</summary>
    Father,

    /// <summary>母亲.</summary>
    Mother,

    /// <summary>祖父母 (the father's parents).</summary>
    Grandparent,

    /// <summary>外祖父母 (the mother's parents).</summary>
    MaternalGrandparent,

    /// <summary>其他亲属.</summary>
    OtherRelative,

    /// <summary>其他监护人 (appointed or entrusted, not a relative).</summary>
    OtherGuardian,
}
