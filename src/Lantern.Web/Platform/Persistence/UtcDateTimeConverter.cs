using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Web.Platform.Persistence;

/// <summary>Writes a time as it is (Lantern writes only UTC) and reads it back marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
