using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Normalization;

/// <summary>The repaired JSON text and what had to be done to it.</summary>
internal sealed record JsonRepair(string Json, IReadOnlyList<string> Warnings, bool Changed);

/// <summary>
/// Makes damaged JSON parseable without guessing at content: raw control characters inside strings are escaped,
/// invalid escapes kept as text, and a document that ends early (or at the first structural error) is closed where
/// it stops: the open string ends, a dangling key gets <c>null</c>, a dangling comma goes, open arrays and objects close.
/// </summary>
internal static partial class JsonRepairer
{
    private const int MaxDepth = 200;

    private enum State
    {
        RootValue,
        RootDone,
        ObjectKeyOrEnd,
        ObjectKey,
        ObjectColon,
        ObjectValue,
        ObjectCommaOrEnd,
        ArrayValueOrEnd,
        ArrayValue,
        ArrayCommaOrEnd,
    }

    public static JsonRepair Repair(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        var frames = new List<State> { State.RootValue };
        var inString = false;
        var stringIsKey = false;
        int controlCharacters = 0, invalidEscapes = 0;
        int? errorAt = null;
        var trailingText = false;

        var i = 0;
        for (; i < text.Length && errorAt is null; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '"')
                {
                    output.Append('"');
                    inString = false;
                    CompleteString(frames, stringIsKey);
                }
                else if (c == '\\')
                {
                    if (i + 1 >= text.Length)
                    {
                        break; // an escape cut in half: drop it
                    }

                    i = AppendEscape(text, i, output, ref invalidEscapes, out var incomplete);
                    if (incomplete)
                    {
                        break;
                    }
                }
                else if (c < ' ')
                {
                    output.Append(c switch
                    {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        '\b' => "\\b",
                        '\f' => "\\f",
                        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    });
                    controlCharacters++;
                }
                else
                {
                    output.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                output.Append(c);
                continue;
            }

            var state = frames[^1];
            switch (state)
            {
                case State.RootValue or State.ObjectValue or State.ArrayValueOrEnd or State.ArrayValue:
                    if (c == ']' && state is State.ArrayValueOrEnd or State.ArrayValue)
                    {
                        if (state == State.ArrayValue)
                        {
                            RemoveDanglingComma(output);
                        }

                        output.Append(']');
                        frames.RemoveAt(frames.Count - 1);
                        CompleteValue(frames);
                    }
                    else if (!StartValue(text, ref i, output, frames, ref inString, ref stringIsKey))
                    {
                        errorAt = i;
                    }

                    break;
                case State.ObjectKeyOrEnd or State.ObjectKey:
                    if (c == '"')
                    {
                        output.Append('"');
                        inString = true;
                        stringIsKey = true;
                    }
                    else if (c == '}')
                    {
                        if (state == State.ObjectKey)
                        {
                            RemoveDanglingComma(output);
                        }

                        output.Append('}');
                        frames.RemoveAt(frames.Count - 1);
                        CompleteValue(frames);
                    }
                    else
                    {
                        errorAt = i;
                    }

                    break;
                case State.ObjectColon:
                    if (c == ':')
                    {
                        output.Append(':');
                        frames[^1] = State.ObjectValue;
                    }
                    else
                    {
                        errorAt = i;
                    }

                    break;
                case State.ObjectCommaOrEnd or State.ArrayCommaOrEnd:
                    var isObject = state == State.ObjectCommaOrEnd;
                    if (c == ',')
                    {
                        output.Append(',');
                        frames[^1] = isObject ? State.ObjectKey : State.ArrayValue;
                    }
                    else if (c == (isObject ? '}' : ']'))
                    {
                        output.Append(c);
                        frames.RemoveAt(frames.Count - 1);
                        CompleteValue(frames);
                    }
                    else
                    {
                        errorAt = i;
                    }

                    break;
                case State.RootDone:
                    trailingText = true;
                    errorAt = i;
                    break;
            }
        }

        var truncated = inString || frames.Count > 1;
        if (inString)
        {
            output.Append('"');
            CompleteString(frames, stringIsKey);
        }

        while (frames.Count > 1)
        {
            switch (frames[^1])
            {
                case State.ObjectColon:
                    output.Append(":null");
                    break;
                case State.ObjectValue:
                    output.Append("null");
                    break;
                case State.ObjectKey or State.ArrayValue:
                    RemoveDanglingComma(output);
                    break;
            }

            output.Append(frames[^1] is State.ObjectKeyOrEnd or State.ObjectKey or State.ObjectColon or State.ObjectValue or State.ObjectCommaOrEnd ? '}' : ']');
            frames.RemoveAt(frames.Count - 1);
        }

        var warnings = new List<string>();
        if (errorAt is not null && !trailingText)
        {
            warnings.Add($"malformed JSON cut at character {errorAt.Value}");
        }
        else if (truncated)
        {
            warnings.Add("truncated JSON repaired");
        }

        if (trailingText)
        {
            warnings.Add("text after the JSON document ignored");
        }

        if (controlCharacters > 0)
        {
            warnings.Add(controlCharacters == 1 ? "1 control character escaped" : $"{controlCharacters} control characters escaped");
        }

        if (invalidEscapes > 0)
        {
            warnings.Add(invalidEscapes == 1 ? "1 invalid escape sequence repaired" : $"{invalidEscapes} invalid escape sequences repaired");
        }

        return new JsonRepair(output.ToString(), warnings, warnings.Count > 0);
    }

    private static bool StartValue(string text, ref int i, StringBuilder output, List<State> frames, ref bool inString, ref bool stringIsKey)
    {
        var c = text[i];
        switch (c)
        {
            case '{' or '[':
                if (frames.Count > MaxDepth)
                {
                    return false;
                }

                output.Append(c);
                frames[^1] = AfterValue(frames[^1]);
                frames.Add(c == '{' ? State.ObjectKeyOrEnd : State.ArrayValueOrEnd);
                return true;
            case '"':
                output.Append('"');
                inString = true;
                stringIsKey = false;
                return true;
            case '-' or (>= '0' and <= '9'):
                return AppendNumber(text, ref i, output, frames);
            case >= 'a' and <= 'z':
                return AppendLiteral(text, ref i, output, frames);
            default:
                return false;
        }
    }

    private static bool AppendNumber(string text, ref int i, StringBuilder output, List<State> frames)
    {
        var start = i;
        var end = i;
        while (end < text.Length && text[end] is (>= '0' and <= '9') or '-' or '+' or '.' or 'e' or 'E')
        {
            end++;
        }

        var token = text.AsSpan(start, end - start);
        var valid = NumberPattern().Match(token.ToString());
        if (valid.Length == 0)
        {
            return false;
        }

        output.Append(valid.Value);
        i = start + valid.Length - 1;
        CompleteValue(frames);
        return true;
    }

    private static bool AppendLiteral(string text, ref int i, StringBuilder output, List<State> frames)
    {
        var start = i;
        var end = i;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        var token = text[start..end];
        string? literal = token is "true" or "false" or "null" ? token : null;
        if (literal is null && end == text.Length)
        {
            // Cut off in the middle of a literal at the very end of the document.
            literal = new[] { "true", "false", "null" }.FirstOrDefault(l => l.StartsWith(token, StringComparison.Ordinal));
        }

        if (literal is null)
        {
            return false;
        }

        output.Append(literal);
        i = end - 1;
        CompleteValue(frames);
        return true;
    }

    /// <summary>Appends the escape starting at <paramref name="i"/> (a backslash) and returns the index of its last character.</summary>
    private static int AppendEscape(string text, int i, StringBuilder output, ref int invalidEscapes, out bool incomplete)
    {
        incomplete = false;
        var next = text[i + 1];
        if (next is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')
        {
            output.Append('\\').Append(next);
            return i + 1;
        }

        if (next == 'u')
        {
            if (!TryReadHex(text, i + 2, out var unit))
            {
                if (i + 6 > text.Length)
                {
                    incomplete = true;
                    return i;
                }

                invalidEscapes++;
                output.Append("\\\\");
                return i;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (i + 12 <= text.Length && text[i + 6] == '\\' && text[i + 7] == 'u' && TryReadHex(text, i + 8, out var low) && char.IsLowSurrogate(low))
                {
                    output.Append(text, i, 12);
                    return i + 11;
                }

                output.Append("\\ufffd");
                invalidEscapes++;
                return i + 5;
            }

            if (char.IsLowSurrogate(unit))
            {
                output.Append("\\ufffd");
                invalidEscapes++;
                return i + 5;
            }

            output.Append(text, i, 6);
            return i + 5;
        }

        // Not a JSON escape: keep the backslash as a character and read on from the next one.
        invalidEscapes++;
        output.Append("\\\\");
        return i;
    }

    private static bool TryReadHex(string text, int start, out char unit)
    {
        unit = '\0';
        if (start + 4 > text.Length)
        {
            return false;
        }

        if (!ushort.TryParse(text.AsSpan(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        unit = (char)value;
        return true;
    }

    private static void CompleteString(List<State> frames, bool isKey)
    {
        if (isKey)
        {
            frames[^1] = State.ObjectColon;
        }
        else
        {
            CompleteValue(frames);
        }
    }

    private static void CompleteValue(List<State> frames) => frames[^1] = AfterValue(frames[^1]);

    private static State AfterValue(State state) => state switch
    {
        State.RootValue => State.RootDone,
        State.ObjectValue => State.ObjectCommaOrEnd,
        State.ArrayValueOrEnd or State.ArrayValue => State.ArrayCommaOrEnd,
        _ => state,
    };

    private static void RemoveDanglingComma(StringBuilder output)
    {
        var end = output.Length - 1;
        while (end >= 0 && char.IsWhiteSpace(output[end]))
        {
            end--;
        }

        if (end >= 0 && output[end] == ',')
        {
            output.Remove(end, 1);
        }
    }

    [GeneratedRegex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
