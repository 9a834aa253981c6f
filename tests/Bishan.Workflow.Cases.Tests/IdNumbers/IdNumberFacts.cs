using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.IdNumbers;

public sealed class IdNumberFacts
{
    // Check characters computed independently of the code under test.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("500227201003151235")]
    [InlineData("500227201202290043")]
    [InlineData("500120201506012341")]
    [InlineData("500227200811025670")]
    public void TryParse_Succeeds_WhenCheckCharacterMatches(string text)
    {
        Assert.True(IdNumber.TryParse(text, out var idNumber, out var error));
        Assert.Equal(IdNumberError.None, error);
        Assert.Equal(text, idNumber.Value);
    }

    [Fact]
    public void TryParse_ReadsDateOfBirthGenderAndAreaCode_WhenValid()
    {
        var idNumber = IdNumber.Parse("500227201003151235");

        Assert.Equal(new DateOnly(2010, 3, 15), idNumber.DateOfBirth);
        Assert.Equal(Gender.Male, idNumber.Gender);
        Assert.Equal("500227", idNumber.AreaCode);
    }

    [Theory]
    [InlineData("11010519491231002X", Gender.Female)]
    [InlineData("440524188001010014", Gender.Male)]
    [InlineData("500227201202290043", Gender.Female)]
    public void TryParse_ReadsGenderFromSeventeenthDigit_WhenValid(string text, Gender expected) =>
        Assert.Equal(expected, IdNumber.Parse(text).Gender);

    [Fact]
    public void TryParse_AcceptsLowerCaseXAndSpaces_WhenOtherwiseValid()
    {
        Assert.True(IdNumber.TryParse("  11010519491231002x ", out var idNumber, out _));
        Assert.Equal("11010519491231002X", idNumber.Value);
    }

    [Theory]
    [InlineData("500227201003151234")]
    [InlineData("500227201003151236")]
    [InlineData("500227201003151230")]
    [InlineData("500227201003151237")]
    [InlineData("50022720100315123X")]
    [InlineData("110105194912310021")]
    [InlineData("500227201003152135")]
    public void TryParse_ReportsCheckCharacterMismatch_WhenLastCharacterIsWrong(string text)
    {
        Assert.False(IdNumber.TryParse(text, out var idNumber, out var error));
        Assert.Null(idNumber);
        Assert.Equal(IdNumberError.CheckCharacterMismatch, error);
    }

    [Theory]
    [InlineData(null, IdNumberError.Empty)]
    [InlineData("", IdNumberError.Empty)]
    [InlineData("   ", IdNumberError.Empty)]
    [InlineData("50022720100315123", IdNumberError.WrongLength)]
    [InlineData("5002272010031512355", IdNumberError.WrongLength)]
    [InlineData("500227100315123", IdNumberError.WrongLength)]
    [InlineData("50022720100315A235", IdNumberError.InvalidCharacters)]
    [InlineData("5002272010031512Y5", IdNumberError.InvalidCharacters)]
    [InlineData("50022720100315123Y", IdNumberError.InvalidCharacters)]
    [InlineData("５００２２７２０１００３１５１２３５", IdNumberError.InvalidCharacters)]
    public void TryParse_ReportsShapeErrors_WhenTextIsMalformed(string? text, IdNumberError expected)
    {
        Assert.False(IdNumber.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("500227201302290000")] // 29 February in a common year
    [InlineData("500227201013010000")] // month 13
    [InlineData("500227201004310000")] // 31 April
    [InlineData("500227201000150000")] // month 00
    [InlineData("500227179912310000")] // before 1800
    public void TryParse_ReportsInvalidBirthDate_WhenEmbeddedDateIsNotReal(string first17AndAnything)
    {
        // Give each a correct check character so only the date can be wrong.
        var text = first17AndAnything[..17] + IdNumber.ComputeCheckCharacter(first17AndAnything.AsSpan(0, 17));

        Assert.False(IdNumber.TryParse(text, out _, out var error));
        Assert.Equal(IdNumberError.InvalidBirthDate, error);
    }

    [Fact]
    public void TryParse_Succeeds_WhenExpectedDateOfBirthAndGenderMatch() =>
        Assert.True(IdNumber.TryParse("500227201003151235", new DateOnly(2010, 3, 15), Gender.Male, out _, out _));

    [Fact]
    public void TryParse_ReportsDateOfBirthMismatch_WhenFormDateDiffers()
    {
        Assert.False(IdNumber.TryParse("500227201003151235", new DateOnly(2010, 3, 16), Gender.Male, out _, out var error));
        Assert.Equal(IdNumberError.DateOfBirthMismatch, error);
    }

    [Fact]
    public void TryParse_ReportsGenderMismatch_WhenFormGenderDiffers()
    {
        Assert.False(IdNumber.TryParse("500227201003151235", new DateOnly(2010, 3, 15), Gender.Female, out _, out var error));
        Assert.Equal(IdNumberError.GenderMismatch, error);
    }

    [Fact]
    public void Mask_KeepsFirstSixAndLastFour_WhenCalled() =>
        Assert.Equal("500227********1235", IdNumber.Parse("500227201003151235").Mask());

    [Fact]
    public void Mask_KeepsTheX_WhenCheckCharacterIsX() =>
        Assert.Equal("110105********002X", IdNumber.Parse("11010519491231002X").Mask());

    [Fact]
    public void ToString_ReturnsTheMaskedNumber_SoLogsNeverCarryTheWholeOne()
    {
        var idNumber = IdNumber.Parse("500227201003151235");

        Assert.Equal("500227********1235", idNumber.ToString());
        Assert.Equal("id 500227********1235", $"id {idNumber}");
    }

    [Theory]
    [InlineData("500227201003151235", "500227********1235")]
    [InlineData("not-a-number", "************")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void MaskText_NeverRevealsTheMiddle_WhateverTheInput(string? text, string expected) =>
        Assert.Equal(expected, IdNumber.MaskText(text));

    [Fact]
    public void Equals_ComparesTheNumber_WhenParsedTwice() =>
        Assert.Equal(IdNumber.Parse("11010519491231002x"), IdNumber.Parse("11010519491231002X"));

    [Fact]
    public void Parse_ThrowsWithTheMessage_WhenInvalid()
    {
        var error = Assert.Throws<FormatException>(() => IdNumber.Parse("500227201003151234"));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void ComputeCheckCharacter_Throws_WhenInputIsNotSeventeenDigits() =>
        Assert.Throws<ArgumentException>(() => IdNumber.ComputeCheckCharacter("1234"));

    [Fact]
    public void Describe_ReturnsChineseAndEnglish_ForEveryError()
    {
        foreach (var error in Enum.GetValues<IdNumberError>().Where(e => e != IdNumberError.None))
        {
            var chinese = error.Describe(DomainCultures.Chinese);
            var english = error.Describe(DomainCultures.English);
            Assert.Contains("身份证号", chinese);
            Assert.Contains("ID number", english);
        }

        Assert.Equal("居民身份证号校验码不正确,请核对后重新输入。", IdNumberError.CheckCharacterMismatch.Describe(DomainCultures.Chinese));
        Assert.Equal(string.Empty, IdNumberError.None.Describe(DomainCultures.Chinese));
    }
}
