using Lantern.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(LanternBrowser))]
