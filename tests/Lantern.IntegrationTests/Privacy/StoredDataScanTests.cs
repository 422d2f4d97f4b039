using System.Text;
using Lantern.IntegrationTests.Infrastructure;

namespace Lantern.IntegrationTests.Privacy;

/// <summary>The scanner itself: a privacy scan that cannot find anything would prove nothing.</summary>
public class StoredDataScanTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Find_SeesAMarkerInEachEncoding(string encoding)
    {
        var bytes = new byte[] { 0, 1, 2 }.Concat(Encoding.GetEncoding(encoding).GetBytes("xxMarkerAbc123xx")).Concat(new byte[] { 9, 9 }).ToArray();

        var found = StoredDataScan.Find([new StoredBytes("file", bytes)], ["markerabc123"]);

        Assert.NotEmpty(found);
        Assert.Contains("file", found[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Find_IgnoresOtherBytes()
    {
        var found = StoredDataScan.Find([new StoredBytes("file", Encoding.UTF8.GetBytes("marker-abc-123 markerabc12"))], ["markerabc123"]);

        Assert.Empty(found);
    }
}
