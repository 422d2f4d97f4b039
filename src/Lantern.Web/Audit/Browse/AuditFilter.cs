namespace Lantern.Web.Audit.Browse;

/// <summary>What an auditor filters on. Every field is optional; dates are whole UTC days, both ends included.</summary>
public sealed record AuditFilter(string? Actor, string? Action, string? Record, DateOnly? From, DateOnly? To, long? Before);
