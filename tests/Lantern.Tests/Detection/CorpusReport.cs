namespace Lantern.Tests.Detection;

/// <summary>One report of the test corpus: its free text, and the details a careful reader finds in it ("kind:value").</summary>
public sealed record CorpusReport(string Id, string Language, string Text, params string[] Expected);
