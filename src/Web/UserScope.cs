using System.Security.Claims;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;

namespace Analytics.Web;

/// <summary>
/// Who is asking and what they may see, enforced where data is read: the bureau sees everything; a county account
/// its county (whatever county a request names: none means its own, another is 403); a utility account its own
/// records (the same rule for utilities). A county account may narrow to a utility within its county, a utility
/// account to a county within its records.
/// </summary>
public sealed record UserScope(string Name, AccountRole Role, string? Code)
{
    public const string RoleClaim = "analytics:role";
    public const string ScopeClaim = "analytics:scope";

    public bool IsBureau => Role == AccountRole.Bureau;

    public static UserScope Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? throw new WebProblemException(401, "未登录 (not logged in)");
        var role = Enum.TryParse<AccountRole>(user.FindFirstValue(RoleClaim), out var r) ? r : AccountRole.Invalid;
        if (role == AccountRole.Invalid) throw new WebProblemException(401, "未登录 (not logged in)");
        return new UserScope(name, role, user.FindFirstValue(ScopeClaim));
    }

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim> { new(ClaimTypes.Name, account.Name), new(RoleClaim, account.Role.ToString()) };
        if (account.Scope is not null) claims.Add(new Claim(ScopeClaim, account.Scope));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The county a request may read: the asked one (resolved in the registry) within the account's scope.</summary>
    public string? County(string? asked, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(asked))
            code = registries.TryCounty(asked.Trim(), out var c) ? c.Code : throw WebProblemException.BadRequest($"county: \"{asked}\" 不是临汾市的县（市、区）(not a county)");
        if (Role == AccountRole.County)
        {
            if (code is not null && code != Code) throw WebProblemException.Forbidden($"县 {code}");
            return Code;
        }
        return code;
    }

    /// <summary>The utility a request may read: the asked one (resolved in the registry) within the account's scope.</summary>
    public string? Utility(string? asked, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        string? code = null;
        if (!string.IsNullOrWhiteSpace(asked))
            code = registries.TryUtility(asked.Trim(), out var u) ? u.Code : throw WebProblemException.BadRequest($"utility: \"{asked}\" 不是已登记的供电单位 (not a utility)");
        if (Role == AccountRole.Utility)
        {
            if (code is not null && code != Code) throw WebProblemException.Forbidden($"供电单位 {code}");
            return Code;
        }
        return code;
    }

    /// <summary>A county's documents (its ledger): the bureau or that county's account.</summary>
    public string RequireCounty(string? asked, Registries registries)
    {
        if (Role == AccountRole.Utility) throw WebProblemException.Forbidden("县工作台账");
        return County(asked, registries) ?? throw WebProblemException.BadRequest("county: 请指定县（市、区）(county is required)");
    }

    /// <summary>A utility's documents (its semiannual report, its exports): the bureau or that utility's account.</summary>
    public string RequireUtility(string? asked, Registries registries)
    {
        if (Role == AccountRole.County) throw WebProblemException.Forbidden("供电单位的报告");
        return Utility(asked, registries) ?? throw WebProblemException.BadRequest("utility: 请指定供电单位 (utility is required)");
    }
}
