using System.Text;
using Analytics.Domain;
using Analytics.Domain.Registry;

namespace Analytics.Generator.Output;

/// <summary>
/// How values are spelled in a file of a given language: English codes (<c>lv_three_zero</c>,
/// <c>Y</c>, <c>sgcc-linfen</c>, lists with <c>;</c>) or Chinese labels (<c>低压</c>, <c>是</c>,
/// <c>国网临汾供电公司</c>, lists with <c>、</c>) — both accepted by templates.md §1.
/// </summary>
internal sealed class ValueText
{
    private readonly HeaderLanguage _language;
    private readonly Registries _registries;
    private readonly Dictionary<int, string> _materials = [];
    private readonly Dictionary<int, string> _channels = [];

    public ValueText(HeaderLanguage language, Registries registries)
    {
        _language = language;
        _registries = registries;
    }

    public bool Chinese => _language == HeaderLanguage.Chinese;

    private readonly Dictionary<(Type, int), string> _enums = [];

    /// <summary>The code or the first Chinese label (cached: asked for several times per row).</summary>
    public string Enum<T>(T value) where T : struct, System.Enum
    {
        var key = (typeof(T), System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value));
        if (_enums.TryGetValue(key, out var s)) return s;
        s = Chinese ? Codes.Label(value) : Codes.Of(value);
        _enums[key] = s;
        return s;
    }

    public string Bool(bool value) => Chinese ? (value ? "是" : "否") : (value ? "Y" : "N");

    public string? Bool(bool? value) => value is { } v ? Bool(v) : null;

    private readonly Dictionary<string, string> _utilityNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _countyNames = new(StringComparer.Ordinal);

    public string Utility(string code)
    {
        if (!Chinese) return code;
        if (!_utilityNames.TryGetValue(code, out var s)) _utilityNames[code] = s = _registries.Utility(code).Name;
        return s;
    }

    public string County(string code)
    {
        if (!Chinese) return code;
        if (!_countyNames.TryGetValue(code, out var s)) _countyNames[code] = s = _registries.County(code).Name;
        return s;
    }

    public string Materials(Materials set)
    {
        var key = (int)set;
        if (_materials.TryGetValue(key, out var s)) return s;
        s = List(Codes.All<Materials>().Where(m => m != Domain.Materials.None && set.HasFlag(m)));
        _materials[key] = s;
        return s;
    }

    public string Channels(NotifyChannels set)
    {
        var key = (int)set;
        if (_channels.TryGetValue(key, out var s)) return s;
        s = List(Codes.All<NotifyChannels>().Where(c => c != NotifyChannels.None && set.HasFlag(c)));
        _channels[key] = s;
        return s;
    }

    public string Half(HalfYear half) => Chinese ? half.ChineseLabel : half.ToString();

    private string List<T>(IEnumerable<T> values) where T : struct, System.Enum
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            if (sb.Length > 0) sb.Append(Chinese ? "、" : ";");
            sb.Append(Enum(v));
        }
        return sb.ToString();
    }
}
