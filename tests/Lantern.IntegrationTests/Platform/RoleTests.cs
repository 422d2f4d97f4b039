using System.Net;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Platform;

/// <summary>An intake-only process serves the public site and intake API, and nothing of the back office.</summary>
public sealed class IntakeRoleTests(IntakeRoleTests.IntakeFactory factory) : IClassFixture<IntakeRoleTests.IntakeFactory>
{
    public sealed class IntakeFactory : SqliteLanternFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Role"] = "Intake" };
    }

    [Theory]
    [InlineData("/staff/sign-in")]
    [InlineData("/staff")]
    [InlineData("/staff/enrol/abcdefabcdefabcdefabcdefabcdefabcdefabcdefa")]
    [InlineData("/api/v1/staff/me")]
    public async Task BackOfficeAddresses_AreNotFound(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // Not even the error page tells that there is a back office behind this process.
        Assert.DoesNotContain("back office", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ThePublicSite_IsServed()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/en/report/victim", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A staff-only process serves the back office and not the public site.</summary>
public sealed class StaffRoleTests(StaffRoleTests.StaffFactory factory) : IClassFixture<StaffRoleTests.StaffFactory>
{
    public sealed class StaffFactory : SqliteLanternFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Lantern:Role"] = "Staff" };
    }

    [Fact]
    public async Task TheBackOffice_IsServed_AndThePublicSiteIsNot()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/en/report/victim", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
