namespace Bishan.Workflow.Cases.IdNumbers;

/// <summary>
/// Administrative division codes (GB/T 2260) that begin resident ID numbers issued in Bishan.
/// </summary>
public static class BishanAreaCodes
{
    /// <summary>500227, 璧山县: the code before the county became a district in 2014. ID numbers never change, so most minors born before then still carry it.</summary>
    public const string County = "500227";

    /// <summary>500120, 重庆市璧山区: the district's code since 2014.</summary>
    public const string District = "500120";

    /// <summary>
    /// The code synthetic numbers use: <see cref="County"/>, because most of the 6–17-year-olds in the 2023 register
    /// were born before 2014 and so hold 500227 numbers.
    /// </summary>
    public const string Default = County;
}
