using Bishan.Workflow.Cases.Retention;

namespace Bishan.Workflow.Cases.Tests.Retention;

/// <summary>How an anonymised file names the minor, how the dry run masks file numbers, and which settings refuse to start.</summary>
public sealed class RetentionRulesFacts
{
    [Theory]
    [InlineData("王小明", "王某")]
    [InlineData("李娜", "李某")]
    [InlineData("欧阳娜娜", "欧阳某")]
    [InlineData("司马光", "司马某")]
    [InlineData(" 张三 ", "张某")]
    [InlineData("王某", "王某")]
    [InlineData("", "某")]
    public void Reduce_KeepsTheFamilyNameOnly(string name, string expected) =>
        Assert.Equal(expected, ChineseNames.Reduce(name));

    [Theory]
    [InlineData("BS-2023-0042", "BS-2023-**42")]
    [InlineData("BS-2026-12345", "BS-2026-***45")]
    public void MaskFileNumber_HidesAllButTheLastTwoDigits(string number, string masked) =>
        Assert.Equal(masked, RetentionRules.MaskFileNumber(number));

    [Fact]
    public void Problems_RefuseAnAuditPeriodUnderThreeYears_NamingTheSetting()
    {
        Assert.Empty(new RetentionOptions().Problems());
        Assert.Empty(new RetentionOptions { AuditLogYears = 3 }.Problems());
        var problem = Assert.Single(new RetentionOptions { AuditLogYears = 2 }.Problems());
        Assert.StartsWith("Retention:AuditLogYears is 2: the audit log must be kept at least 3 years", problem, StringComparison.Ordinal);
        Assert.Equal(2, new RetentionOptions { PersonalDataYearsAfterExit = 0, BatchSize = 0 }.Problems().Count);
    }

    [Fact]
    public void Cutoffs_CountBackFromNow()
    {
        var now = new DateTime(2027, 6, 1, 18, 0, 0, DateTimeKind.Utc);
        var options = new RetentionOptions();
        Assert.Equal(new DateTime(2024, 6, 1, 18, 0, 0, DateTimeKind.Utc), options.PersonalDataCutoff(now));
        Assert.Equal(now.AddDays(-365), options.InstanceCutoff(now));
        Assert.Equal(new DateTime(2022, 6, 1, 18, 0, 0, DateTimeKind.Utc), options.AuditCutoff(now));
    }
}
