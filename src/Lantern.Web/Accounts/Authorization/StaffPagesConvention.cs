using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Lantern.Web.Accounts.Authorization;

/// <summary>
/// Every page in a capability's <c>Staff</c> folder requires a signed-in staff member and sends no-store,
/// before any permission its own <c>[Authorize]</c> names: a page that forgets its attribute is still closed.
/// </summary>
public sealed class StaffPagesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (!IsStaffPage(model.ViewEnginePath))
        {
            return;
        }

        model.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicies.Staff));
        model.Filters.Add(new Platform.Web.NoStoreAttribute());
    }

    public static bool IsStaffPage(string viewEnginePath) => viewEnginePath.Contains("/Staff/", StringComparison.Ordinal);
}
