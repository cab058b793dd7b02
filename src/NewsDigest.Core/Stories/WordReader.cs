namespace NewsDigest.Stories;

/// <summary>
/// Reads the lower-case word tokens of a text one at a time into a caller's buffer, so that no string is made per
/// token: letters and digits, inner hyphens kept, possessive "'s" dropped, contractions ("don't") kept whole.
/// </summary>
/// <param name="text">The text to read.</param>
/// <param name="buffer">Space for one token: at least as long as <paramref name="text"/>.</param>
internal ref struct WordReader(ReadOnlySpan<char> text, Span<char> buffer)
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly Span<char> _buffer = buffer;
    private int _position;
    private int _length;

    /// <summary>The current token, lower-case; valid until the next <see cref="MoveNext"/>.</summary>
    public readonly Span<char> Current => _buffer[.._length];

    public bool MoveNext()
    {
        _length = 0;
        var text = _text;
        for (; _position <= text.Length; _position++)
        {
            var i = _position;
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                _buffer[_length++] = char.ToLowerInvariant(c);
                continue;
            }

            var inner = (c == '-' || c == '\'' || c == '\u2019') && _length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (inner && c == '-')
            {
                _buffer[_length++] = '-';
                continue;
            }

            if (inner)
            {
                // Possessive or contraction: "Seoul's" becomes "seoul", "don't" stays one token.
                var rest = i + 2 < text.Length && char.IsLetterOrDigit(text[i + 2]);
                if (!rest && char.ToLowerInvariant(text[i + 1]) == 's')
                {
                    _position++;
                    continue;
                }
            }

            if (_length > 0)
            {
                _position++;
                return true;
            }
        }

        return false;
    }
}
