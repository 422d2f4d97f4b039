namespace Lantern.Web.FollowUp.Thread;

/// <summary>A message as the reporter sees it: from them or from "the team" (never a name), and whether it is new to them.</summary>
public sealed record ReporterMessage(long Id, DateTime CreatedAt, bool FromReporter, string Text, bool IsNew, IReadOnlyList<ThreadFile> Files);
