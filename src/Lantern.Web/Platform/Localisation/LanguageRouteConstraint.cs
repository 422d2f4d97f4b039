namespace Lantern.Web.Platform.Localisation;

/// <summary>The <c>{lang:lang}</c> route constraint: only enabled languages match, so any other answers 404.</summary>
public sealed class LanguageRouteConstraint(LanguageSettings languages) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && languages.IsEnabled(value as string);
}
