using Analytics.Domain.Output;
using Spectre.Console;

namespace Analytics.Cli;

/// <summary>
/// Tables for people (Spectre.Console), written to the command's output writer. Every title, header and cell has its
/// control characters escaped (<see cref="TerminalText"/>) before Spectre's markup escaping: data never drives the terminal.
/// Cells arrive as text: numbers, dates and rates are formatted by <see cref="Analytics.Reports.Formats"/>, as in every other output.
/// </summary>
public static class ConsoleTables
{
    /// <summary>A console bound to <paramref name="writer"/>; colours only on a real terminal.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = IsTerminal(writer);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
    }

    /// <summary>A table to fill with <see cref="Row"/> and print with <see cref="Write"/>.</summary>
    public static ConsoleTable Table(string title, params string[] columns) => new(title, columns);

    public static void Row(ConsoleTable table, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        table.Rows.Add(cells.Select(c => c ?? "—").ToArray());
    }

    /// <summary>
    /// Prints <paramref name="table"/>: boxed and wrapped to the window on a terminal; otherwise (a pipe, a file, a test)
    /// as plain tab-separated lines that are never wrapped — a title line starting with <c>#</c>, the header, one line a row —
    /// so <c>metrics &gt; file</c> keeps "4423/4849" whole and a spreadsheet or <c>cut</c> reads it.
    /// </summary>
    public static void Write(TextWriter writer, ConsoleTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        if (IsTerminal(writer))
        {
            var t = new Table { Title = new TableTitle(Safe(table.Title)), Border = TableBorder.Rounded };
            foreach (var c in table.Columns) t.AddColumn(new TableColumn(Safe(c)));
            foreach (var row in table.Rows) t.AddRow(row.Select(c => new Markup(Safe(c))).ToArray());
            For(writer).Write(t);
            return;
        }
        writer.WriteLine("# " + Plain(table.Title));
        writer.WriteLine(string.Join('\t', table.Columns.Select(Plain)));
        foreach (var row in table.Rows) writer.WriteLine(string.Join('\t', row.Select(Plain)));
    }

    /// <summary>Whether <paramref name="writer"/> is the process's standard output on a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A cell as one TSV field: control characters escaped, tabs and line breaks as spaces.</summary>
    public static string Plain(string text) =>
        (TerminalText.Escape(text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ')) ?? "");

    /// <summary>Text as Spectre markup that shows exactly it: control characters escaped, then markup brackets.</summary>
    public static string Safe(string text) => Markup.Escape(TerminalText.Escape(text) ?? "");
}

/// <summary>A table's title, columns and rows as text (<see cref="ConsoleTables"/>).</summary>
public sealed class ConsoleTable(string title, IReadOnlyList<string> columns)
{
    public string Title { get; } = title;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<string[]> Rows { get; } = [];
}
