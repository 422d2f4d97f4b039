namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every test class that runs on both databases: the tests live in an abstract subclass of this,
/// and two tiny subclasses (<c>...OnSqlite</c>, <c>...OnPostgres</c>) pick the factory.
/// </summary>
public abstract class LanternTestBase<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : LanternFactory
{
    protected TFactory Factory { get; } = factory;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync()
    {
        if (Factory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A client of the in-memory server that follows redirects and keeps cookies, like a browser.</summary>
    protected HttpClient CreateBrowserClient() => Factory.CreateClient();

    /// <summary>A client that shows redirects instead of following them.</summary>
    protected HttpClient CreateClientWithoutRedirects() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
