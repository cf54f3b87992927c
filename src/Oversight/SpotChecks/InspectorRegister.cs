using System.Text;
using Analytics.Domain.Registry;
using ClosedXML.Excel;

namespace Analytics.Oversight.SpotChecks;

/// <summary>
/// The register of inspectors (执法检查人员名录), CSV (UTF-8) or XLSX (first sheet): a header row with 姓名/name and
/// 单位/unit, then one inspector a row. A unit that names a utility or county of the registry becomes its code (so the
/// recusal rule can compare it with a stratum); any other unit (the city bureau …) is kept as written.
/// </summary>
public static class InspectorRegister
{
    public static (IReadOnlyList<Inspector> Inspectors, IReadOnlyList<string> Errors) Read(string path, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(registries);
        var name = Path.GetFileName(path);
        var rows = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx(path) : Csv(path);
        var errors = new List<string>();
        var list = new List<Inspector>();
        if (rows.Count == 0) return ([], [$"{name}:1:1: 名录为空"]);
        var header = rows[0];
        var nameCol = header.FindIndex(h => h is "姓名" or "name");
        var unitCol = header.FindIndex(h => h is "单位" or "unit");
        if (nameCol < 0 || unitCol < 0) return ([], [$"{name}:1:1: 表头应有“姓名”和“单位”（或 name, unit）"]);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            string Get(int c) => c < row.Count ? row[c].Trim() : "";
            var person = Get(nameCol);
            var unit = Get(unitCol);
            if (person.Length == 0 && unit.Length == 0) continue;
            if (person.Length == 0) { errors.Add($"{name}:{r + 1}:{nameCol + 1}: 姓名为空"); continue; }
            if (unit.Length == 0) { errors.Add($"{name}:{r + 1}:{unitCol + 1}: 单位为空"); continue; }
            var code = registries.TryUtility(unit, out var u) ? u.Code : registries.TryCounty(unit, out var c) ? c.Code : unit;
            list.Add(new Inspector(person, code));
        }
        if (list.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != list.Count)
            errors.Add($"{name}:1:{nameCol + 1}: 名录中有重名，请加以区分（如 张三（市局））");
        return (list, errors);
    }

    private static List<List<string>> Csv(string path)
    {
        var rows = new List<List<string>>();
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
            rows.Add([.. line.TrimStart('\uFEFF').Split(',').Select(x => x.Trim().Trim('"'))]);
        return rows;
    }

    private static List<List<string>> Xlsx(string path)
    {
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheets.First();
        var rows = new List<List<string>>();
        var lastCol = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        foreach (var row in ws.RowsUsed())
            rows.Add([.. Enumerable.Range(1, lastCol).Select(c => row.Cell(c).GetFormattedString())]);
        return rows;
    }
}
