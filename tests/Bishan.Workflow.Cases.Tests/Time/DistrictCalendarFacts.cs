using Bishan.Workflow.Cases.Time;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Cases.Tests.Time;

public sealed class DistrictCalendarFacts
{
    [Fact]
    public void Today_IsTheNextDay_WhenUtcEveningIsAlreadyMorningInBishan() =>
        Assert.Equal(
            new DateOnly(2023, 10, 19),
            DistrictCalendar.Today(new FakeTimeProvider(new DateTimeOffset(2023, 10, 18, 17, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void Today_IsTheSameDay_WhenUtcIsBeforeFourPm() =>
        Assert.Equal(
            new DateOnly(2023, 10, 18),
            DistrictCalendar.Today(new FakeTimeProvider(new DateTimeOffset(2023, 10, 18, 15, 59, 0, TimeSpan.Zero))));

    [Fact]
    public void TimeZone_IsEightHoursAheadOfUtc_InSummerAndWinter()
    {
        Assert.Equal(TimeSpan.FromHours(8), DistrictCalendar.TimeZone.GetUtcOffset(new DateTime(2023, 1, 15, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(8), DistrictCalendar.TimeZone.GetUtcOffset(new DateTime(2023, 7, 15, 0, 0, 0, DateTimeKind.Utc)));
    }
}
