using Lantern.Web.Hosting.Demo;
using Lantern.Web.Platform;
using Microsoft.Extensions.Configuration;

namespace Lantern.Tests.Platform.Hosting;

public sealed class DemoSignInTests
{
    private static IConfiguration Configuration(string? staffBaseUrl = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Lantern:StaffBaseUrl"] = staffBaseUrl }).Build();

    [Fact]
    public void BeforeEnrolment_TheLinkToEnrolIsPrinted()
    {
        var lines = new DemoSignIn(DemoContent.AdminEmail, "abc_123").Instructions("http://localhost:5080").ToList();

        Assert.Contains(lines, line => line.Contains("http://localhost:5080/staff/enrol/abc_123", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("/staff/sign-in", StringComparison.Ordinal));
    }

    [Fact]
    public void AfterEnrolment_TheSignInAddressAndAccountArePrinted()
    {
        var line = Assert.Single(new DemoSignIn(DemoContent.AdminEmail, null).Instructions("https://lantern.example"));

        Assert.Contains("https://lantern.example/staff/sign-in", line, StringComparison.Ordinal);
        Assert.Contains(DemoContent.AdminEmail, line, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfiguredStaffAddress_WinsOverTheListeningAddress()
    {
        Assert.Equal("https://staff.example", PlatformExtensions.StaffBaseUrl(Configuration("https://staff.example/"), ["http://127.0.0.1:5935"]));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5935", "http://127.0.0.1:5935")]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:80", "http://localhost:80")]
    [InlineData("http://+:5080", "http://localhost:5080")]
    [InlineData("https://*:443/", "https://localhost:443")]
    public void WithoutAConfiguredAddress_TheListeningOneIsUsed_OnLocalhostWhenItMeansEveryInterface(string listening, string expected)
    {
        Assert.Equal(expected, PlatformExtensions.StaffBaseUrl(Configuration(), [listening]));
    }

    [Fact]
    public void WithNeither_TheDefaultIsUsed()
    {
        Assert.Equal("http://localhost:5080", PlatformExtensions.StaffBaseUrl(Configuration(), []));
    }
}
