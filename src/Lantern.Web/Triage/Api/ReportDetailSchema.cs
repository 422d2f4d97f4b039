using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lantern.Web.Triage.Api;

/// <summary>
/// Writes the properties other capabilities add to <see cref="ReportDetail"/> (<see cref="IReportDetailPart"/>) into
/// its OpenAPI schema: they travel in an extension-data dictionary, which the document would otherwise describe only
/// as "any further property".
/// </summary>
public sealed class ReportDetailSchema : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(ReportDetail))
        {
            return;
        }

        // The parts are scoped (they read the database); only their declared properties are used here.
        await using var scope = context.ApplicationServices.CreateAsyncScope();
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var part in scope.ServiceProvider.GetServices<IReportDetailPart>())
        {
            foreach (var (name, type) in part.Properties)
            {
                schema.Properties[name] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            }
        }

        schema.AdditionalPropertiesAllowed = false;
        schema.AdditionalProperties = null;
    }
}
