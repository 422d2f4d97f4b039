using Lantern.Web.Platform.Mail;

namespace Lantern.Tests.Platform.Mail;

public sealed class MailOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 300)]
    [InlineData(4, 900)]
    [InlineData(5, 3600)]
    [InlineData(50, 3600)]
    public void TheDefaultSchedule_GrowsThenStaysHourly(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new MailOptions().Backoff(attempts));

    [Fact]
    public void AConfiguredSchedule_RepeatsItsLastWait()
    {
        var options = new MailOptions { RetrySchedule = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2)] };

        Assert.Equal(TimeSpan.FromSeconds(5), options.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), options.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(2), options.Backoff(9));
    }
}
