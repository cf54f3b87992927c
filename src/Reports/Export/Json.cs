using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Reports.Export;

/// <summary>Shared JSON writing: UTF-8 without BOM, Chinese written as is (not \u-escaped), indented.</summary>
internal static class Json
{
    public static Utf8JsonWriter Writer(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Number(Utf8JsonWriter w, string name, decimal? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    public static void Number(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    public static void Number(Utf8JsonWriter w, string name, int? v)
    {
        if (v is { } d) w.WriteNumber(name, d); else w.WriteNull(name);
    }

    public static void Bool(Utf8JsonWriter w, string name, bool? v)
    {
        if (v is { } b) w.WriteBoolean(name, b); else w.WriteNull(name);
    }

    public static void String(Utf8JsonWriter w, string name, string? v)
    {
        if (v is null) w.WriteNull(name); else w.WriteString(name, v);
    }

    public static void Date(Utf8JsonWriter w, string name, DateOnly? v)
    {
        if (v is { } d) w.WriteString(name, Formats.Date(d)); else w.WriteNull(name);
    }

    public static void DateTime(Utf8JsonWriter w, string name, System.DateTime? v)
    {
        if (v is { } d) w.WriteString(name, Formats.IsoDateTime(d)); else w.WriteNull(name);
    }
}
