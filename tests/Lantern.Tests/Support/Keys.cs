using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Support;

/// <summary>Builds the app's own <see cref="KeyRing"/> over a data directory, the way the app does at start-up.</summary>
public static class Keys
{
    public static KeyRing CreateKeyRing(string dataDirectory, KeyOptions? keys = null, LanternRole role = LanternRole.All)
    {
        var lantern = Options.Create(new LanternOptions { DataDirectory = dataDirectory, Role = role });
        var environment = new HostingEnvironment { ContentRootPath = dataDirectory, EnvironmentName = "Testing" };
        return new KeyRing(new DataDirectory(lantern, environment), Options.Create(keys ?? new KeyOptions()), lantern);
    }
}
