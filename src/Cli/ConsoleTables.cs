using System.Globalization;
using Analytics.Domain.Output;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// Tables for people (Spectre.Console), written to the command's output writer. Every title, header and cell has its
/// control characters escaped (<see cref="TerminalText"/>) before Spectre's markup escaping: data never drives the terminal.
/// </summary>
public static class ConsoleTables
{
    /// <summary>A console bound to <paramref name="writer"/>; colours only on a real terminal.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }

    public static Table Table(string title, params string[] columns)
    {
        var t = new Table { Title = new TableTitle(Safe(title)), Border = TableBorder.Rounded };
        foreach (var c in columns) t.AddColumn(new TableColumn(Safe(c)));
        return t;
    }

    public static void Row(Table table, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.AddRow(cells.Select(c => new Markup(Safe(c ?? "—"))).ToArray());
    }

    /// <summary>Text as Spectre markup that shows exactly it: control characters escaped, then markup brackets.</summary>
    public static string Safe(string text) => Markup.Escape(TerminalText.Escape(text) ?? "");

    public static string Pct(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public static string Num(decimal? d, string format = "0.##") => d is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Num(double? d, string format = "0.##") => d is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Num(int? i) => i is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—";
}
