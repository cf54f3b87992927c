using Analytics.Domain.Registry;
using Analytics.Domain.Storage;

namespace Analytics.Web;

/// <summary>The role text of cli.md §5: <c>bureau</c>, <c>county:CODE</c>, <c>utility:CODE</c> (a code or a name of the registry).</summary>
public static class AccountRoles
{
    /// <summary>Parses a role; the scope comes back as the registry's code.</summary>
    /// <exception cref="ArgumentException">Not a role, or an unknown county or utility (the message lists the valid ones).</exception>
    public static (AccountRole Role, string? Scope) Parse(string text, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(registries);
        var t = text.Trim();
        if (t.Equals("bureau", StringComparison.OrdinalIgnoreCase)) return (AccountRole.Bureau, null);
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? t : t[..colon];
        var code = colon < 0 ? "" : t[(colon + 1)..].Trim();
        if (kind.Equals("county", StringComparison.OrdinalIgnoreCase))
            return registries.TryCounty(code, out var c) ? (AccountRole.County, c.Code)
                : throw new ArgumentException($"\"{code}\" is not a county. Valid: {registries.AcceptedCounties}.");
        if (kind.Equals("utility", StringComparison.OrdinalIgnoreCase))
            return registries.TryUtility(code, out var u) ? (AccountRole.Utility, u.Code)
                : throw new ArgumentException($"\"{code}\" is not a utility. Valid: {registries.AcceptedUtilities}.");
        throw new ArgumentException($"\"{text}\" is not a role; expected bureau, county:CODE or utility:CODE.");
    }

    /// <summary>The role as <see cref="Parse"/> reads it.</summary>
    public static string Format(AccountRole role, string? scope) => role switch
    {
        AccountRole.Bureau => "bureau",
        AccountRole.County => "county:" + scope,
        AccountRole.Utility => "utility:" + scope,
        _ => "invalid",
    };
}
