using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.IdNumbers;

public sealed class IdNumberGeneratorFacts
{
    [Fact]
    public void Generate_ProducesParseableNumbers_ForManyRandomInputs()
    {
        var random = new Random(11643);
        for (var i = 0; i < 2000; i++)
        {
            var dateOfBirth = new DateOnly(2005, 1, 1).AddDays(random.Next(365 * 13));
            var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;

            var generated = IdNumberGenerator.Generate(dateOfBirth, gender, random);

            Assert.True(IdNumber.TryParse(generated.Value, dateOfBirth, gender, out _, out var error), $"{generated.Value}: {error}");
            Assert.Equal(BishanAreaCodes.Default, generated.AreaCode);
        }
    }

    [Fact]
    public void Generate_UsesTheGivenAreaCode_WhenOneIsPassed() =>
        Assert.Equal(
            "500120",
            IdNumberGenerator.Generate(new DateOnly(2016, 2, 29), Gender.Female, 7, BishanAreaCodes.District).AreaCode);

    [Theory]
    [InlineData(Gender.Male, "500227201003150013")]
    [InlineData(Gender.Female, "500227201003150005")]
    public void Generate_MakesTheOddOrEvenOrderCode_ForTheGender(Gender gender, string expected) =>
        Assert.Equal(expected, IdNumberGenerator.Generate(new DateOnly(2010, 3, 15), gender, 0).Value);

    [Theory]
    [InlineData(-1)]
    [InlineData(500)]
    public void Generate_Throws_WhenSequenceIsOutOfRange(int sequence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumberGenerator.Generate(new DateOnly(2010, 1, 1), Gender.Male, sequence));

    [Fact]
    public void Generate_Throws_WhenAreaCodeIsNotSixDigits() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IdNumberGenerator.Generate(new DateOnly(2010, 1, 1), Gender.Male, 1, "5002"));
}
