namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>The spool could not be written (a full or failing disk): a server error.</summary>
public sealed class UploadSpoolException(IOException inner) : InvalidOperationException("The upload could not be held for the request.", inner);
