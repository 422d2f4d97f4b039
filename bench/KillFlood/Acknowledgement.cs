namespace Lantern.Bench.KillFlood;

/// <summary>A report Lantern answered 201 for: its reference, and the marker written into its account.</summary>
internal sealed record Acknowledgement(string Reference, string Marker);
